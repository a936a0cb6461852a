// The programme's monitoring stream as server-sent events (see OzgGrid.Web/ProgrammeEventStream.cs). EventSource
// reconnects by itself and sends the last cursor back, so the server resumes where the page left off.

const EVENTS = ["snapshot", "resumed", "changeBatch", "leistungChanged", "figuresChanged", "heartbeat"];

export function watchProgramme(url, handlers) {
  const source = new EventSource(url);
  for (const name of EVENTS) {
    source.addEventListener(name, (event) => handlers.message(name, JSON.parse(event.data)));
  }
  source.addEventListener("open", () => handlers.connected());
  source.addEventListener("error", () => handlers.disconnected(source.readyState === EventSource.CLOSED));
  return source;
}
