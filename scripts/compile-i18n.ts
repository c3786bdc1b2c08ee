/** Compiles the Paraglide messages outside Vite, so type checks see them. */
import { compile } from '@inlang/paraglide-js';
import { i18nOptions } from '../i18n.config.ts';

await compile(i18nOptions);
