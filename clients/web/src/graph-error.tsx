/** What the page shows when the graph cannot be asked or answers with errors. */
export function GraphError({ error }: { error: Error }) {
  return (
    <p role="alert" className="error">
      Could not ask the graph: {error.message}
    </p>
  );
}
