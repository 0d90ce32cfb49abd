/**
 * The API's SVG QR code as a data: URL. An SVG in <img> is rendered as a picture only (no scripts, no links,
 * no external loads), so the markup never becomes part of the page's DOM; data: images are allowed by the
 * CSP (img-src).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The QR code an authenticator app scans to add OnTrack. */
export function TotpQrCode({ svg, alt }: { svg: string; alt: string }) {
  return (
    // biome-ignore lint/performance/noImgElement: a data: URL, nothing for next/image to optimise
    <img src={svgDataUrl(svg)} alt={alt} width={200} height={200} className="mx-auto rounded-md bg-white p-2" />
  );
}
