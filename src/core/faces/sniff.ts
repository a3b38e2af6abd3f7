/** JPEG or PNG by the first bytes of a file (its name can lie): shared by the page and the runner. */
export function sniffFormat(bytes: Uint8Array): 'jpeg' | 'png' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return null;
}

export const NOT_AN_IMAGE = 'not a JPEG or PNG image (its first bytes are neither)';
