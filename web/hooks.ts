import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /en/… serves the same routes as /…: the locale is read from the URL by Paraglide.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
