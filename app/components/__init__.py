"""Small pieces the pages share: canvas, details, pickers, highlighting, export, URL binding."""
