// Cypher console: Ctrl+Enter (Cmd+Enter on a Mac) in the editor runs the query,
// as the Run button does. One listener on the document, so it keeps working
// when Dash re-renders the page.
document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    if (!event.target || event.target.id !== "cypher-query") return;
    const run = document.getElementById("cypher-run");
    if (!run) return;
    event.preventDefault();
    // Dash reads the editor's value from its own state; let the last keystroke land first.
    setTimeout(() => run.click(), 0);
});
