/** The FINRA word mark (text, so it needs no image request). */
export function Logo() {
  return (
    <span className="logo" aria-label="FINRA" role="img">
      FINRA
    </span>
  );
}
