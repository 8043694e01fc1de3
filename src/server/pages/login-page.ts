/**
 * The pages that show no figures: the sign-in form (with the reason a previous attempt failed),
 * and a refusal (not found, not allowed, bad request) with a way back to the user's own view.
 */
import { h, page, type Frame } from './layout.js';

/** The sign-in page; `next` is where to go afterwards (a path of the app). */
export function loginPage(problem: string | undefined, next: string): string {
  const error = problem === undefined ? '' : `<p class="error" role="alert">${h(problem)}</p>`;
  return page(
    { title: 'Sign in' },
    `${error}<form method="post" action="/login" class="login">
<input type="hidden" name="next" value="${h(next)}">
<p><label for="user">User name</label><input id="user" name="user" autocomplete="username" required maxlength="200" autofocus></p>
<p><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1000"></p>
<p><button type="submit">Sign in</button></p>
</form>`,
  );
}

/** A refusal as a page. */
export function refusalPage(status: number, message: string, frame: Omit<Frame, 'title'>): string {
  const titles: Readonly<Record<number, string>> = {
    400: 'Bad request',
    403: 'Not allowed',
    404: 'Not found',
    405: 'Method not allowed',
    422: 'Not possible',
    500: 'Something went wrong',
  };
  return page(
    { ...frame, title: titles[status] ?? 'Error' },
    `<p role="alert">${h(message)}</p><p><a href="/">Back to your scorecard</a></p>`,
  );
}
