import QRCode from 'qrcode';

/**
 * A link as a QR code (SVG, crisp at any size): the public sign-up link for a poster or a slide, an
 * authenticator's key for a phone's camera. Drawn by `qrcode`, a well-kept encoder: error correction and
 * masking are not code of ours to get wrong.
 */
export const qrCodeSvg = (link: string): Promise<string> => QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

export const enrolmentLink = (origin: string, key: string) => `${origin}/join/${key}`;
