// English strings of disguise mode: the neutral names, the texts of the locked screens while
// disguised (none names the app or says what it is for), and the Settings section.
export const disguiseEn = {
  names: {
    notes: 'Notes',
    calculator: 'Calculator',
    weather: 'Weather',
  },
  screen: {
    opening: 'Opening…',
    failed: 'Could not open. Try again.',
    unlockHint: 'Opening takes a few seconds.',
    lockedIdle: 'Locked after a period of inactivity.',
    password: 'Password',
    repeatPassword: 'Repeat the password',
    intro: 'Choose a password to protect what you keep here.',
    warning:
      'Nobody can recover a forgotten password. If you forget it, everything kept here is lost.',
    createHint: 'Setting up takes a few seconds.',
  },
  settings: {
    title: 'Disguise',
    intro:
      'The app can look like an ordinary one. Its name, window title, icon and lock screen then show the choice below, before anyone unlocks it.',
    none: 'No disguise',
    preview: 'Preview',
    hides:
      'Changes the window title, the icon of the window (and of the Dock on a Mac), the browser tab and the locked screens, including the text on them.',
    doesNotHide:
      'Does not hide: the installed app’s name and files, its entry in the list of programs and the Start menu, the process name in a task manager, the name of the data folder, or the name in the Mac menu bar. A close look still finds the app.',
    file: 'To disguise the locked app, the choice is also kept unencrypted in a small file beside the vault. That file shows that a disguise is set.',
    restart:
      'On some systems (Windows) the taskbar shows the new icon only after the app is restarted.',
  },
};
