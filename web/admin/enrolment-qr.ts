import QRCode from 'qrcode';

/**
 * The public sign-up link as a QR code (SVG, crisp at any size), for a poster or a slide. Drawn by `qrcode`, a
 * well-kept encoder: error correction and masking are not code of ours to get wrong.
 */
export const enrolmentQrCode = (link: string): Promise<string> =>
  QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

export const enrolmentLink = (origin: string, key: string) => `${origin}/join/${key}`;
