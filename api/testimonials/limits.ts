/** Length bounds of a testimonial, in characters: pure, so the form in the browser can read them. */
export const TEXT_MIN = 50;
export const TEXT_MAX = 5000;
