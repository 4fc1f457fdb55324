/** The "Linnet" wordmark: text and a CSS mark, so no image or font is fetched. */
export function Wordmark() {
  return (
    <div className="wordmark">
      <span className="wordmark-dot" aria-hidden="true" />
      Linnet
    </div>
  );
}
