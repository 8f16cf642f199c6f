/** The frame of every admin page (header, operator alerts, login) and the error pages everyone may meet, in English. */
export const adminFrame = {
  // The header and the operator's banner of every admin page
  'admin.frame.cohorts': 'Cohorts',
  'admin.frame.newCohort': 'New cohort',
  'admin.frame.logOut': 'Log out',
  'admin.frame.operator': 'For the operator:',
  'admin.frame.since': '(since {at})',

  // The login page
  'admin.login.title': 'Log in',
  'admin.login.heading': 'Admin log in',
  'admin.login.user': 'Email or user name',
  'admin.login.password': 'Password',
  'admin.login.button': 'Log in',
  'admin.login.wrong': 'Wrong user or password.',
  'admin.login.locked':
    'Too many wrong passwords {scope, select, pair {for this account from your network address} account {for this account} other {from your network address}}: logging in is blocked here until {until}. Wait, or reset your password.',
  'admin.login.suspended': 'This account is suspended. Ask an owner of your organisation.',
  'admin.login.forgot': 'Forgot your password?',
  'admin.login.codeHeading': 'Your code',
  'admin.login.code': 'The 6-digit code your authenticator app shows for Tandem',
  'admin.login.wrongCode': 'This code is not the one of now, or it was used already. Wait for the next one.',
  'admin.login.codeExpired': 'Five minutes went by since your password: give it again.',
  'admin.login.sso': 'Sign in with {provider}',
  'admin.login.orPassword': 'Or with your Tandem password:',

  // The error pages, admins' and participants' alike
  'error.page.unavailable.title': 'Tandem cannot answer right now',
  'error.page.unavailable':
    '{dependency, select, database {Tandem cannot reach its database right now (it may be restarting).} temporal {Tandem cannot reach its workflow engine right now (it may be restarting).} other {Tandem is too slow to answer right now (something behind it is restarting or overloaded).}} Nothing was lost on your side.',
  'error.page.kept':
    'What you sent is kept below. Send it again in a minute: if it did arrive the first time, sending again changes nothing.',
  'error.page.sendAgain': 'Send again',
  'error.page.typed': 'What you typed',
  'error.page.file': 'A file cannot be kept: choose it again when you send the form.',
  'error.page.tryAgain': 'Try again',
  'error.page.tryAgain.when': 'in a minute.',
  'error.page.refused.title': 'Request refused',
  'error.page.refused': 'Tandem refused this request.',
  'error.page.unreadable': 'Tandem could not read this request.',
  'error.page.crossSite':
    'This form was sent from another site, so Tandem refused it. Open the page on Tandem itself and send the form from there.',
  'error.page.tooLarge': 'This request is larger than any Tandem form.',
  'error.page.uploadTooLarge':
    'The upload is over {upload} MB; a participants CSV may be 5 MB at most. Go back to the form and choose a smaller file.',
  'error.page.sessionEnded': 'Your session has ended. Log in again.',
  'error.page.unreadableForm': 'This request did not carry a form Tandem can read.',
  'error.page.notAllowed': 'Your role does not allow this. Ask an owner of your organisation if you need it.',
  'error.page.formExpired': 'This form has expired or did not come from Tandem. Reload the page and try again.',
  'error.page.noLoginForm': 'This request did not carry the login form.',
  'error.page.failed.title': 'Something went wrong',
  'error.page.failed': "The error was logged for the operator. Please try again; if it happens again, contact your programme's organisers.",
  'error.page.notFound.title': 'Page not found',
  'error.page.notFound': 'There is nothing at this address.',
} as const;
