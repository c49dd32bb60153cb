import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * Noto Sans SC, the samples' font (a devDependency), registered with @napi-rs/canvas for tests
 * that draw glyphs and binarize them: the names to put in a canvas font.
 */
export const NOTO_REGULAR = 'TestNotoSansSCRegular';
export const NOTO_BOLD = 'TestNotoSansSCBold';

const fonts = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
GlobalFonts.registerFromPath(join(fonts, '400Regular/NotoSansSC_400Regular.ttf'), NOTO_REGULAR);
GlobalFonts.registerFromPath(join(fonts, '700Bold/NotoSansSC_700Bold.ttf'), NOTO_BOLD);
