/** The "Linnet" wordmark: text and a CSS dot, so no image or font is fetched. */
export function Wordmark() {
  return (
    <div className="wordmark" aria-label="Linnet">
      <span className="wordmark-dot" aria-hidden="true" />
      <span aria-hidden="true">Linnet</span>
    </div>
  );
}
