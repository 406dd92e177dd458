// English strings of the seizure and coercion protections (panic wipe, quick exit,
// clipboard hygiene, screen-capture protection).
export const safetyEn = {
  eraseOpen: 'Erase this vault…',
  eraseTitle: 'Erase this vault now?',
  eraseExplain:
    'Everything in this vault on this computer — notes, spaces, keys — is destroyed at once and cannot be recovered by anyone, you included. What other members hold of shared spaces stays with them.',
  eraseConfirm: 'Erase now',
  eraseShortcut:
    'In an emergency, {{shortcut}} erases the vault at once from any screen, without asking.',
  emergency: 'Emergency',
  quickExitShortcut:
    '{{shortcut}} hides Suviaz at once from any screen, locks the vault and empties the clipboard. Start Suviaz again to come back to the lock screen.',
  quickExitShortcutBrowser:
    '{{shortcut}} blanks this page at once from any screen, locks the vault and empties the clipboard if the browser allows it. A click or any key brings back the lock screen.',
  clipboardRule:
    'What you copy from Suviaz — invite links, device codes, event links — is removed from the clipboard after a minute, unless you have copied something else since. A clipboard manager may keep its own copy.',
  clipboardRuleBrowser:
    'In a browser, Suviaz can seldom remove what you copy from the clipboard: when you are done, copy something harmless over it.',
  screenCaptureTitle: 'Screen capture',
  screenCaptureLabel: 'Keep Suviaz out of screenshots, screen recordings and screen sharing',
  screenCaptureHint:
    'Other apps, and screen sharing in a call, see an empty window instead. It cannot stop a camera pointed at the screen.',
  screenCaptureUnavailable:
    'Not available here: only the desktop app can keep its window out of screen capture ({{systems}}).',
};
