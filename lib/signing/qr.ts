import QRCode from "qrcode";

/** The verification URL as a PNG QR code, for pdfkit's image(). */
export async function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });
}
