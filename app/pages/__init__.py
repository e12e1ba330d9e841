"""One module per page; each has `layout(store, state, pathname)` and `register(app, store)`."""
