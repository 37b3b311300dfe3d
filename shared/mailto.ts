// Builds a mailto: URL from a recipient, subject and body (RFC 6068), for the web and Electron sides.
export function mailtoUrl({
  to,
  subject,
  body,
}: {
  to: string;
  subject: string;
  body: string;
}): string {
  // RFC 6068 wants CRLF line breaks in the body; encodeURIComponent makes spaces %20, not "+".
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}
