import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for forms that move through steps on one page: after the server's answer, the
 * keyboard focus goes to the new step's marker (`data-step-focus`, a heading or an error
 * summary with tabindex="-1"), as a page load does through `autofocus` without JavaScript.
 * Fields are not reset: the next step fills them from the answer.
 */
export const focusStep: SubmitFunction = () => {
  return async ({ update }) => {
    await update({ reset: false });
    await tick();
    document.querySelector<HTMLElement>('[data-step-focus]')?.focus();
  };
};
