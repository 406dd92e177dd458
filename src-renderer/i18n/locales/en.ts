// English: the complete catalogue and the shape every other language follows (missing keys fall back here).
export const en = {
  language: {
    label: 'Language',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    continue: 'Continue',
    retry: 'Try again',
    loading: 'Loading…',
    showPassphrase: 'Show passphrase',
    copy: 'Copy',
    copied: 'Copied.',
    copyManual: 'Selected: press {{shortcut}} to copy it.',
  },
  connection: {
    lost: 'Lost connection to Suviaz… reconnecting',
  },
  start: {
    opening: 'Opening Suviaz…',
    failed: 'Suviaz could not check the vault.',
  },
  onboarding: {
    title: 'Create your vault',
    intro:
      'Suviaz keeps your notes encrypted on this device. Choose a passphrase: it is the only key to them.',
    passphrase: 'Passphrase',
    confirm: 'Repeat the passphrase',
    rulesTitle: 'Your passphrase needs',
    ruleLength_one: 'at least {{count}} character',
    ruleLength_other: 'at least {{count}} characters',
    ruleStrength: 'the strength “Strong”',
    ruleMatch: 'to be typed the same way twice',
    tip: 'Several unrelated words that only you would put together work best: easy to remember and type, very hard to guess.',
    warning:
      'Nobody can recover a forgotten passphrase — not the Suviaz team, not your organisation, not you. If you forget it, everything in this vault is lost.',
    mismatch: 'The two passphrases are not the same yet.',
    create: 'Create vault',
    creating: 'Creating your vault… this takes about a second',
    met: 'done',
    notMet: 'not yet',
  },
  strength: {
    label: 'Passphrase strength',
    level0: 'Very weak',
    level1: 'Weak',
    level2: 'Fair',
    level3: 'Good',
    level4: 'Strong',
    empty: 'Type a passphrase to see how strong it is.',
    tooShort_one: 'Too short: use at least {{count}} character.',
    tooShort_other: 'Too short: use at least {{count}} characters.',
    acceptable: 'Strong enough.',
    warnings: {
      straightRow: 'Straight rows of keys on the keyboard are easy to guess.',
      keyPattern: 'Short keyboard patterns are easy to guess.',
      simpleRepeat: 'Repeated characters like “aaa” are easy to guess.',
      extendedRepeat: 'Repeated patterns like “abcabcabc” are easy to guess.',
      sequences: 'Common sequences like “abc” or “123” are easy to guess.',
      recentYears: 'Recent years are easy to guess.',
      dates: 'Dates are easy to guess.',
      topTen: 'This is one of the most used passwords.',
      topHundred: 'This is a very often used password.',
      common: 'This is a commonly used password.',
      similarToCommon: 'This is similar to a commonly used password.',
      wordByItself: 'A single word is easy to guess.',
      namesByThemselves: 'Names or surnames on their own are easy to guess.',
      commonNames: 'Common names and surnames are easy to guess.',
      userInputs: 'Do not use personal details.',
      pwned: 'This password has appeared in a data breach.',
    },
    suggestions: {
      l33t: 'Swapping letters for look-alikes, like “@” for “a”, does not help much.',
      reverseWords: 'Writing common words backwards does not help much.',
      allUppercase: 'Capitalise some letters, not all of them.',
      capitalization: 'Capitalise more than the first letter.',
      dates: 'Avoid dates and years connected to you.',
      recentYears: 'Avoid recent years.',
      associatedYears: 'Avoid years connected to you.',
      sequences: 'Avoid common sequences of characters.',
      repeated: 'Avoid repeated words and characters.',
      longerKeyboardPattern: 'Avoid keyboard patterns.',
      anotherWord: 'Add another word or two, less common ones.',
      useWords: 'Use several words, but not a well-known phrase.',
      noNeed: 'You do not need symbols, digits or capitals: more words are enough.',
      pwned: 'If you use this password anywhere else, change it there.',
    },
  },
  identity: {
    title: 'Your vault is ready',
    text: 'This is the safety number of this device. People you work with can compare it with what their Suviaz shows, in person or over a trusted channel, to be sure they reach this device. You can find it again in Settings.',
    label: 'Safety number of this device',
  },
  unlock: {
    title: 'Unlock Suviaz',
    passphrase: 'Passphrase',
    submit: 'Unlock',
    unlocking: 'Unlocking… this takes about a second',
    lockedIdle: 'Suviaz locked itself after a period of inactivity.',
    lockedUser: 'Suviaz is locked.',
  },
  damaged: {
    title: 'Suviaz cannot open your vault',
    keyfileMissing:
      'The key file of your vault is missing from the data folder. Without it the vault cannot be opened.',
    databaseMissing:
      'The database file of your vault is missing from the data folder. Your notes were stored in it.',
    unknown: 'A file of your vault is missing from the data folder.',
    nothingChanged: 'Suviaz has not changed or deleted anything.',
    whatToDo:
      'If you have a backup of the Suviaz data folder, quit Suviaz, restore the whole folder from the backup, then start Suviaz again. If the files were moved, put them back where they were.',
    noCreate:
      'Suviaz will not create a new vault here, because that would hide whatever is left of the old one.',
  },
  errors: {
    'invalid-args':
      'Suviaz could not accept this because some of the data was not valid. Nothing was changed. Check what you entered and try again.',
    'unknown-method':
      'This part of Suviaz does not match the rest of the app. Nothing was changed. Restart Suviaz; if it keeps happening, reinstall it.',
    locked: 'The vault is locked, so this could not be done. Unlock it and try again.',
    'wrong-passphrase':
      'That passphrase did not unlock this vault. Check the keyboard layout and Caps Lock, then try again.',
    'weak-passphrase':
      'This passphrase is too easy to guess. Make it longer with a few more unrelated words.',
    'same-passphrase': 'The new passphrase is the same as the current one. Choose a different one.',
    'vault-exists':
      'There is already a vault on this device, so Suviaz did not create another one. Restart Suviaz to unlock it.',
    'vault-missing': 'There is no vault on this device yet. Restart Suviaz to create one.',
    'keyfile-missing':
      'The key file of your vault is missing, so the vault cannot be opened. Suviaz changed nothing. Restore the data folder from a backup, then start Suviaz again.',
    'keyfile-corrupt':
      'The key file of your vault is damaged and cannot be read. Suviaz changed nothing. Restore the data folder from a backup, then start Suviaz again.',
    'database-missing':
      'The database file of your vault is missing. Suviaz changed nothing. Restore the data folder from a backup, then start Suviaz again.',
    'database-corrupt':
      'The database of your vault is damaged and cannot be read. Suviaz changed nothing. Restore the data folder from a backup, then start Suviaz again.',
    'not-found':
      'This note no longer exists; it may have been deleted forever. Choose another note.',
    'disk-full':
      'The disk is full, so Suviaz could not store this. Free some space on this device, then try again.',
    'forbidden-sender':
      'Suviaz refused a request from an unexpected window. Nothing was changed. Restart Suviaz.',
    'invalid-device-code':
      'This is not a valid device code. Ask the person to copy the whole code from their Settings (“This device’s code”) again, and paste all of it.',
    'not-admin': 'Only an admin of this space can do this. Ask one of its admins.',
    'already-member': 'This device is already a member of this space. Nothing was changed.',
    'relay-unreachable':
      'Suviaz could not reach the relay. Check the relay address in Settings and the internet connection, then try again.',
    'relay-refused':
      'The relay refused this. Check the relay address in Settings; if it is right, ask whoever runs the relay.',
    'invite-invalid':
      'This is not a valid invite link. Ask for the link again and copy all of it: it starts with suviaz://join. If you read it from a picture, try a sharper one.',
    'invite-other-relay':
      'This invite is for another relay than the one set in Settings. Ask the person who invited you which relay your group uses: either set that relay in Settings (your other shared spaces then sync through it too), or ask for an invite made on your relay.',
    'invite-expired': 'This invite has expired. Ask an admin of the space for a new one.',
    'invite-used':
      'This invite has already been used: each invite works only once. If you did not use it yourself, tell the admin who sent it right away — someone else may have joined with it. Otherwise ask for a new invite.',
    'invite-revoked': 'An admin withdrew this invite. Ask an admin of the space for a new one.',
    'last-admin':
      'This would leave the space without an admin. Make another member an admin first, then try again.',
    'not-member':
      'This cannot be done because the device is not (or no longer) a member of this space. If it is this device, ask an admin to invite you again.',
    internal:
      'Something went wrong inside Suviaz. Try again; if it keeps happening, restart Suviaz.',
  },
  errorDetails: {
    inviteOtherRelay:
      'This invite is for the relay {{relay}}, but this device syncs through another relay. Ask the person who invited you which relay your group uses: either set that relay in Settings (your other shared spaces then sync through it too), or ask for an invite made on your relay.',
  },
  header: {
    lock: 'Lock',
    lockTitle: 'Lock Suviaz ({{shortcut}})',
    settings: 'Settings',
    locking: 'Locking…',
    unsavedTitle: 'Some changes are not saved',
    unsavedText:
      'Suviaz could not store your latest changes. If you lock now, they will be lost. Keep Suviaz unlocked to try saving again.',
    keepUnlocked: 'Keep unlocked',
    lockAnyway: 'Lock and lose changes',
  },
  sidebar: {
    label: 'Notes',
    newNote: 'New note',
    newNoteTitle: 'New note ({{shortcut}})',
    search: 'Search notes',
    searchTitle: 'Search notes ({{shortcut}})',
    tagFilter: 'Filter by tag',
    allTags: 'All tags',
    notes: 'Notes',
    trash: 'Trash',
    noNotes: 'No notes yet. Create one with “New note”.',
    noNotesWithTag: 'No notes with this tag.',
    noResults: 'Nothing found.',
    results_one: '{{count}} note found',
    results_other: '{{count}} notes found',
    untitled: 'Untitled',
    loadFailed: 'The notes could not be loaded.',
  },
  trash: {
    title: 'Trash',
    empty: 'The trash is empty.',
    restore: 'Restore',
    purge: 'Delete forever',
    emptyTrash: 'Empty trash',
    purgeTitle: 'Delete this note forever?',
    purgeText: '“{{title}}” will be erased from this device. This cannot be undone.',
    emptyTitle: 'Empty the trash?',
    emptyText: 'Every note in the trash will be erased from this device. This cannot be undone.',
    trashedOn: 'Moved to trash {{when}}',
  },
  editor: {
    title: 'Title',
    body: 'Note',
    tags: 'Tags',
    tagsHint: 'Separate tags with commas.',
    tagsTooMany_one: 'Only the first {{count}} tag is kept.',
    tagsTooMany_other: 'Only the first {{count}} tags are kept.',
    trash: 'Move to trash',
    saving: 'Saving…',
    saved: 'Saved',
    notSaved: 'Not saved yet.',
    placeholder: 'Choose a note on the left, or create a new one.',
    loadFailed: 'This note could not be opened.',
    lastChanged: 'Changed {{when}}',
  },
  settings: {
    title: 'Settings',
    autoLock: 'Lock automatically after this many minutes without activity',
    autoLockHint: '0 means never. The vault also locks when Suviaz quits.',
    autoLockInvalid: 'Enter a whole number from 0 to {{max}}.',
    saved: 'Saved',
    saving: 'Saving…',
    identity: 'Safety number of this device',
    identityHint: 'Compare it with what your contacts see, in person or over a trusted channel.',
    changePassphrase: 'Change passphrase',
    currentPassphrase: 'Current passphrase',
    newPassphrase: 'New passphrase',
    confirmPassphrase: 'Repeat the new passphrase',
    changeSubmit: 'Change passphrase',
    changing: 'Changing the passphrase… this takes a few seconds',
    changed: 'The passphrase was changed. Use the new one from now on.',
    language: 'Language',
    sharedSpaces: 'Shared spaces',
    relay: 'Relay address',
    relayHint:
      'The relay that shared spaces sync through, for example wss://relay.example.org. It only stores and passes on encrypted data. Leave it empty to keep shared spaces offline.',
    relayInvalid:
      'Enter an address that starts with wss:// (or ws://) and has no spaces, or leave the field empty.',
    displayName: 'Your name in shared spaces',
    displayNameHint:
      'Other members see it next to your cursor. It does not have to be your real name.',
    displayNameInvalid: 'Use at most {{max}} characters.',
    deviceCode: 'This device’s code',
    deviceCodeHint:
      'To add this device to a shared space, an admin of that space pastes this code under “Add member”. Send it to them over a channel you trust.',
  },
  dates: {
    justNow: 'just now',
  },
  spaces: {
    section: 'Shared spaces',
    new: 'New shared space',
    newTitle: 'New shared space',
    name: 'Name',
    nameHint: 'Everyone you add to this space will see this name.',
    create: 'Create',
    creating: 'Creating…',
    none: 'No shared spaces yet.',
    loadFailed: 'The shared spaces could not be loaded.',
    roles: {
      admin: 'Admin',
      editor: 'Editor',
      viewer: 'Viewer',
    },
    join: 'Join with invite',
    needsApproval: 'Needs your approval',
    status: {
      pending: 'Waiting for approval',
      removed: 'Removed',
      left: 'Left',
    },
  },
  space: {
    document: 'Shared document of “{{name}}”',
    opening: 'Opening the shared document…',
    openFailed: 'This shared document could not be opened.',
    readOnly: 'You are a viewer in this space: you can read this document but not change it.',
    tooLarge:
      'That change is too large to share in one go, so it was not made. Paste the text in parts of at most {{max}} characters.',
    sidePanel: 'Members and rules of this space',
    wipedEmpty: 'Nothing of this space is left on this device.',
    pendingTitle: 'Waiting for an admin to approve you',
    pendingText:
      'You joined with an invite, and in this space an admin approves new members. Until then the space stays closed to you. The admin may want to compare your safety number with you first: yours is in Settings.',
    removedTitle: 'You were removed from this space',
    removedText:
      'What you had stays readable here, read-only. Nothing written after your removal reaches this device.',
    leftTitle: 'You left this space',
    leftText:
      'What you had stays readable here, read-only. Nothing written after you left reaches this device.',
    wipedText: 'By the rules of this space, its copy on this device was deleted.',
    forget: 'Remove from this device',
    forgetTitle: 'Remove “{{name}}” from this device?',
    forgetText:
      'Suviaz deletes this device’s copy of the space: its document and its list of members. This cannot be undone; to have the space again you would need a new invite.',
    forgetConfirm: 'Remove from this device',
    leave: 'Leave this space',
    leaveTitle: 'Leave “{{name}}”?',
    leaveText:
      'You will no longer receive changes or be able to write here. What you already have stays readable on this device, read-only, until you remove it. The other members will see that you left.',
    leaveLastAdmin:
      'The last admin cannot leave while others remain: if that is you, make another member an admin first.',
    leaveConfirm: 'Leave',
    rotationHint:
      'Someone left this space. Your next admin action (adding or removing a member, changing a role or a rule) also starts a new key, so that what is written afterwards stays closed to them.',
  },
  sync: {
    connected: 'Connected',
    syncing: 'Syncing {{count}}…',
    pending_one: '{{count}} change has not been confirmed by the relay yet.',
    pending_other: '{{count}} changes have not been confirmed by the relay yet.',
    connecting: 'Connecting to the relay…',
    offline: 'Offline — edits are kept and sent when the relay is back',
    disabled: 'Not connected: set a relay in Settings',
    openSettings: 'Open Settings',
    unknown: 'The connection state is not known.',
    warningTitle: 'Warning: the relay may be misbehaving',
    warningAdvice:
      'Your copy on this device is safe. Tell the other members and whoever runs the relay.',
    warningAt: 'Noticed {{when}}.',
    reasons: {
      tampered:
        'A change arrived altered on its way: it does not decrypt as its author sent it. Suviaz did not apply it.',
      forged:
        'A change claimed to come from a member, but it is not signed by any member of this space. Suviaz did not apply it.',
      spliced:
        'The relay delivered a change that belongs to another document or space. Suviaz did not apply it.',
      replayed:
        'The relay sent a change again that had already arrived. Suviaz did not apply it a second time.',
      gap: 'The relay left out changes in the middle of the history. Suviaz did not apply the changes after the gap, so the latest edits of others may be missing here.',
      'unknown-snapshot':
        'The relay offered a saved version of this document that no member made. Suviaz did not load it.',
      'rolled-back':
        'The relay offered an older state of this document than one it already delivered, as if turning back time. Suviaz did not go back and kept the newer state.',
      'omits-my-updates':
        'The relay’s copy leaves out changes this device sent and the relay confirmed. Suviaz did not accept that copy; your changes are kept here and will be sent again.',
      other:
        'Suviaz found a problem in what the relay sent (“{{reason}}”) and did not apply that part.',
    },
  },
  presence: {
    label: 'Here now',
    nobody: 'Nobody else is here right now.',
    noName: 'Unnamed member',
    line: 'line {{line}}',
  },
  members: {
    title_one: 'Members ({{count}})',
    title_other: 'Members ({{count}})',
    you: 'you',
    unknownDevice: 'Unknown device',
    fingerprintTitle: 'Safety number: {{fingerprint}}',
    add: 'Add member',
    code: 'Their device code',
    codeHint:
      'The person finds it in Settings under “This device’s code” and sends it to you. Paste all of it here.',
    role: 'Role',
    roleEditor: 'Editor — can read and edit',
    roleViewer: 'Viewer — can only read',
    submit: 'Add',
    adding: 'Adding…',
    added: 'Added. The device will see this space when it next connects to the relay.',
    unnamed: 'Unnamed device',
    verified: 'Verified',
    roleOf: 'Role of {{name}}',
    verify: 'Verify',
    remove: 'Remove',
    removeTitle: 'Remove {{name}} from “{{space}}”?',
    removeKeeps:
      '{{name}} keeps what they already had: everything in this space since {{since}}. Removing cannot take that back.',
    removeNewKey:
      'Suviaz makes a new key for the space and gives it only to the remaining members. Nothing written after the removal can be read by {{name}}.',
    removeNotice: 'Their app will tell them that they were removed.',
    removeWipe:
      'By the rules of this space, their app will also delete its copy. That relies on their app: whatever they copied or saved elsewhere stays with them.',
    removeConfirm: 'Remove',
  },
  join: {
    title: 'Join a shared space',
    link: 'Invite link',
    linkHint: 'Paste the link you were sent. It starts with suviaz://join.',
    qr: 'Read QR code from an image',
    qrHint:
      'A screenshot or photo of the invite’s QR code. The picture is read on this device and not kept.',
    qrReading: 'Reading the picture…',
    qrFound: 'The link was read from the picture. Check that it is the one you expect, then join.',
    qrNone:
      'No QR code could be read in this picture. Try a sharper or closer one, or paste the link instead.',
    qrNotImage: 'Suviaz cannot open this file as a picture. Choose a PNG or JPEG image.',
    submit: 'Join',
    joining: 'Joining…',
  },
  verify: {
    open: 'Verify {{name}}',
    title: 'Verify {{name}}',
    number: 'Safety number of {{name}}',
    qr: 'The same safety number as a QR code',
    how: 'Compare this number with {{name}} in person or over a call you trust, not by message. Ask them to open Settings in their Suviaz and read out “Safety number of this device”. Every group must match.',
    qrHint:
      'The QR code holds the same number, for checking it with a QR scanner instead of by eye.',
    why: 'If the numbers match, this device really is theirs and nobody, not even the relay, stands in between. If they do not match, do not share anything sensitive and tell an admin of the space.',
    isVerified: 'You marked this safety number as verified.',
    notVerified: 'Not verified yet.',
    mark: 'Mark as verified',
    unmark: 'Mark as not verified',
    previous:
      'Earlier you verified {{name}} with another safety number: {{fingerprint}}. This one is different.',
    keyChangedTitle: 'The safety number of {{name}} changed',
    keyChangedText:
      'A device in this space uses the name {{name}}, whom you verified, but with a different safety number. Either {{name}} has a new device, or someone is pretending to be them. Before you share anything sensitive, verify the new number with {{name}} in person or over a call you trust.',
    keyChangedMarker: 'Safety number changed',
  },
  invites: {
    title: 'Invites',
    create: 'Invite',
    none: 'No open invites.',
    dialogTitle: 'Invite someone to “{{name}}”',
    days: 'Valid for how many days',
    daysHint: 'From 1 to {{max}} days.',
    daysInvalid: 'Enter a whole number from 1 to {{max}}.',
    submit: 'Create invite',
    creating: 'Creating…',
    qr: 'QR code of the invite link',
    link: 'Invite link',
    singleUse: 'This link works once and expires on {{date}}.',
    trust:
      'Send it only over a channel you trust, or show the QR code in person. Anyone who holds the link can join this space with the role “{{role}}” until it is used.',
    approvalNeeded:
      'By the rules of this space, an admin must still approve whoever joins with it.',
    shownOnce:
      'The link is shown only now. If it is lost or reaches the wrong person, revoke the invite and make a new one.',
    done: 'Done',
    expires: 'expires {{when}}',
    expired: 'expired {{when}}',
    revoke: 'Revoke',
  },
  approvals: {
    title: 'Waiting for approval',
    kinds: {
      join: 'Joined with an invite',
      'add-member': 'Adding a member',
      invite: 'Creating an invite',
      'set-role': 'Changing a role',
      'set-policy': 'Changing the rules',
    },
    role: 'Role: {{role}}',
    device: 'Safety number of the device',
    requested: 'Asked {{when}}',
    approve: 'Approve',
    joinHint:
      'Before approving, compare this safety number with the person, in person or over a call you trust.',
    waiting: 'Waiting for an admin’s approval.',
  },
  policy: {
    title: 'Rules',
    twoAdmin: 'Two admins must agree to add a member, invite someone or change a role',
    joinApproval: 'Someone who joins with an invite waits for an admin to approve them',
    wipe: 'A removed member’s app deletes its copy of the space',
    wipeHint:
      'This relies on the removed member’s app: it cannot take back what they already copied or saved elsewhere.',
    twoAdminHint: 'Changing these rules then also needs a second admin.',
    changeLater: 'Admins can change these rules later.',
  },
};

export type Catalogue = typeof en;
