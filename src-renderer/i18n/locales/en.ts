// English: the complete catalogue and the shape every other language follows (missing keys fall back here).
import { calendarEn } from './calendar/en';
import { safetyEn } from './safety/en';
import { duressEn } from './duress/en';
import { lanRelayEn } from './lan-relay/en';
import { bundleEn, bundleErrorsEn } from './sneakernet/en';
import { disguiseEn } from './disguise/en';
import { briefingsEn, briefingErrorsEn } from './briefings/en';
export const en = {
  language: {
    label: 'Language',
  },
  common: {
    skipToContent: 'Skip to main content',
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
  crash: {
    viewTitle: 'This view stopped working',
    viewText:
      'Something went wrong while showing it. Nothing saved is lost, and the rest of the app still works.',
    screenTitle: 'Something went wrong',
    screenText: 'This screen stopped working. Nothing saved is lost.',
    details: 'Technical details',
  },
  start: {
    opening: 'Opening Suviaz…',
    failed: 'Suviaz could not check the vault.',
  },
  onboarding: {
    takesSeconds:
      'Creating the vault takes a few seconds: Suviaz turns your passphrase into a key slowly on purpose, so that guessing it is slow too.',
    createBusy: 'Creating…',
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
    creating: 'Creating your vault… this takes a few seconds',
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
    takesSeconds:
      'Unlocking takes a few seconds: Suviaz turns your passphrase into the key slowly on purpose, so that guessing it is slow too.',
    submitBusy: 'Unlocking…',
    title: 'Unlock Suviaz',
    passphrase: 'Passphrase',
    submit: 'Unlock',
    unlocking: 'Unlocking… this takes a few seconds',
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
    'passphrase-unusable': 'This passphrase cannot be used here. Choose a different one.',
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
      'What you were working on no longer exists: it may have been deleted, on this device or by another member.',
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
    'relay-key-mismatch':
      'This invite names its relay with another identity key than the one this device pinned for that relay. Someone may be intercepting the connection, or the link is not from who you think. Do not join yet: compare the relay’s fingerprint with whoever sent the link and with the relay’s operator.',
    'invite-expired': 'This invite has expired. Ask an admin of the space for a new one.',
    'invite-used':
      'This invite has already been used: each invite works only once. If you did not use it yourself, tell the admin who sent it right away — someone else may have joined with it. Otherwise ask for a new invite.',
    'invite-revoked': 'An admin withdrew this invite. Ask an admin of the space for a new one.',
    'last-admin':
      'This would leave the space without an admin. Make another member an admin first, then try again.',
    'not-member':
      'This cannot be done because the device is not (or no longer) a member of this space. If it is this device, ask an admin to invite you again.',
    'ics-invalid':
      'This calendar file could not be read, so nothing was imported. Check that it is an .ics file and not too large, or export it again from its calendar.',
    'share-invalid':
      'This event link is not complete or not for this relay. Ask the person who sent it for a new link.',
    'share-expired':
      'This event link has expired or was withdrawn. Ask the person who sent it for a new one.',
    'other-organisation':
      'This member already belongs to another organisation of the coalition. An admin of that organisation must remove them first.',
    'occurrence-changed':
      'This occurrence was changed or removed on another device while you had it open, so nothing was saved. Close the event, open it again and make your change there.',
    'share-too-large':
      'This event is too large to share whole, with all its changed occurrences and details. Share its occurrences one by one instead.',
    'lan-relay-port-in-use':
      'Another program already uses this port on this computer, or the system does not allow it. Choose another port, or 0 to take any free one, and start again.',
    'lan-relay-address-unavailable':
      'This computer cannot host a relay on that address: it is not one of its network addresses (any more). The network may have changed; choose an address from the list again.',
    ...bundleErrorsEn,
    ...briefingErrorsEn,
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
    sendingTitle: 'A briefing is still being sent',
    sendingText:
      'If you lock now, it stops sending and what you wrote in it is lost. Keep Suviaz unlocked until it has gone.',
    lockStopSending: 'Lock and stop sending',
    briefingDraftTitle: 'You have an unsent briefing draft',
    briefingDraftText:
      'Drafts are not kept when Suviaz locks: the briefing you are writing, with any files attached to it, will be lost. Keep Suviaz unlocked to send it or finish it.',
    eventDraftTitle: 'An event is not saved',
    eventDraftText:
      'The event you are writing has changes that are not saved. If you lock now, they will be lost. Keep Suviaz unlocked to save it.',
    planDraftTitle: 'A comment is not posted',
    planDraftText:
      'A comment, reply or task you started writing in a plan has not been added yet. If you lock now, it will be lost. Keep Suviaz unlocked to finish it.',
    lockDiscard: 'Lock and discard',
    severalTitle: 'Locking now would lose your work',
    severalText: 'If you lock now, all of this will be lost:',
    lockLoseAll: 'Lock and lose all of it',
    lockItems: {
      unsaved: 'changes Suviaz could not store',
      sending: 'a briefing still being sent (the send stops)',
      briefingDraft: 'an unsent briefing draft, with its files',
      eventDraft: 'an event with changes not saved',
      planDraft: 'a comment, reply or task not yet added to a plan',
    },
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
    contentUnreadable:
      'The formatting of this note could not be read, so it is shown as plain text. Editing it saves it as shown.',
    lastChanged: 'Changed {{when}}',
  },
  settings: {
    closing: 'Saving before closing…',
    changeBusy: 'Changing…',
    relayCheckHint: 'Before saving a new address, Suviaz checks that a relay answers there.',
    relayUnchecked:
      'Not saved yet: Suviaz checks the relay when you leave this field or press Enter.',
    relayChecking: 'Checking the relay…',
    relayNotSaved: 'The address is not saved.',
    relayUnreachableTitle: 'The relay did not answer',
    relayUnreachableText:
      'Check the address for typing mistakes and that this device is online, then check again. If the relay is only down for now (or not set up yet), you can save the address anyway: shared spaces connect as soon as it answers.',
    relayOtherVersionTitle: 'This relay runs another version of Suviaz',
    relayOtherVersionText:
      'It answered, but this app cannot sync through it. Ask whoever runs the relay which version of Suviaz it needs, and update the app on this device if it is the older one.',
    relayNotARelayTitle: 'Something answered, but it is not a Suviaz relay',
    relayNotARelayText:
      'The address may point to a website or miss part of its path. Ask whoever runs the relay for the exact address.',
    relayKeptOld: 'Until you save, Suviaz keeps using the previous address.',
    relayDetail: 'Details for whoever runs the relay: {{detail}}',
    relayPinTitle: 'Relay identity',
    relayPinned: 'Pinned key fingerprint: {{fingerprint}}',
    relayPinNone:
      'No key pinned yet. Suviaz pins the relay’s key at the first connection, or takes it from an invite link.',
    relayPinHint: 'Compare it with the fingerprint the relay’s operator publishes.',
    relayForgetPin: 'Forget the pinned key',
    relayForgetPinHint:
      'Only when the relay’s operator told you, over a channel you trust, that the relay has a new key. The next connection pins whatever key the relay presents.',
    relayKeyChangedTitle: 'The relay presented a different identity key',
    relayKeyChangedText:
      'Suviaz refused to log in. Someone may be intercepting the connection, or the relay at this address was replaced. Your spaces on this device are safe. Ask the relay’s operator, over a channel you trust, which fingerprint the relay has now. Only if they confirm a new key, forget the pinned key to accept it.',
    relaySignatureInvalidTitle: 'The relay could not prove its identity',
    relaySignatureInvalidText:
      'Its answer was not signed by the key it presented for this address. Someone may be intercepting the connection, or the relay is set up wrongly (its operator can check --public-host). Suviaz did not log in.',
    relayCheckDiffersFromPin: 'This is not the key pinned for this address.',
    relayRetry: 'Check again',
    relaySaveAnyway: 'Save anyway',
    proxy: 'Connection',
    proxyNone: 'Direct',
    proxyTor: 'Tor (the tor service, port 9050)',
    proxyTorBrowser: 'Tor Browser (port 9150)',
    proxySocks: 'Other SOCKS5 proxy',
    proxyHint:
      'With Tor, host names are resolved through Tor and the relay never sees your address; {{onion}} relay addresses work only through Tor.',
    proxySocksHint:
      'The proxy must speak {{protocol}}. It looks up host names itself, so this device does not.',
    proxyHost: 'Proxy host name or IP address',
    proxyPort: 'Proxy port',
    proxyHostEmpty: 'Enter the proxy’s host name or IP address.',
    proxyHostInvalid: 'Enter a host name or an IP address (for example 127.0.0.1), without spaces.',
    proxyPortEmpty: 'Enter the proxy’s port.',
    proxyPortInvalid: 'Enter a port number from 1 to 65535.',
    relayTorUnreachableTitle: 'Tor may not be running',
    relayTorUnreachableText:
      'Suviaz could not reach the relay through Tor. Start Tor or Tor Browser, then check again. If Tor is running, check the relay address.',
    relayProxyUnreachableTitle: 'The relay did not answer through the proxy',
    relayProxyUnreachableText:
      'Check that the proxy is running and that its host and port are right, then check again. If they are, check the relay address.',
    relayKeyMismatchTitle: 'A relay answers there, but not the one this device knows',
    relayKeyMismatchText:
      'Its identity key differs from the one pinned or scanned for this address: someone may be intercepting the connection, or the relay was replaced. Nothing was saved. Ask the relay’s operator, over a channel you trust, for its fingerprint.',
    relayOnionTitle: 'This address works only through Tor',
    relayOnionText:
      'Addresses that end in {{onion}} are on the Tor network and cannot be reached directly. Choose Tor or Tor Browser under “Connection”. Suviaz has not tried this address.',
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
    // For languages this runtime's Intl cannot format (Chromium has no Belarusian data): month names
    // as they read after a day number, the patterns, and relative times. English never needs them.
    monthsLong:
      'January|February|March|April|May|June|July|August|September|October|November|December',
    monthsShort: 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec',
    day: '{{month}} {{day}}, {{year}}',
    shortDay: '{{month}} {{day}}',
    shortDayYear: '{{month}} {{day}}, {{year}}',
    dateTime: '{{date}} at {{time}}',
    yesterday: 'yesterday',
    minutesAgo_one: '{{count}} minute ago',
    minutesAgo_other: '{{count}} minutes ago',
    hoursAgo_one: '{{count}} hour ago',
    hoursAgo_other: '{{count}} hours ago',
    daysAgo_one: '{{count}} day ago',
    daysAgo_other: '{{count}} days ago',
    inMinutes_one: 'in {{count}} minute',
    inMinutes_other: 'in {{count}} minutes',
    inHours_one: 'in {{count}} hour',
    inHours_other: 'in {{count}} hours',
    inDays_one: 'in {{count}} day',
    inDays_other: 'in {{count}} days',
  },
  dateField: {
    none: 'No date',
    open: 'Choose in the calendar',
    clear: 'Clear the date',
    calendar: 'Calendar',
    invalid: 'That is not a date. Type it as {{example}}, or choose it in the calendar.',
  },
  tasks: {
    openBoard: 'Open the board',
    title: 'Tasks',
    viewLabel: 'Show tasks as',
    list: 'List',
    board: 'Board',
    status: {
      todo: 'To do',
      'in-progress': 'In progress',
      blocked: 'Blocked',
      done: 'Done',
    },
    none: 'No tasks in this plan yet. Add one above: give it a title and, if you like, a member, a due date and the place in the plan it belongs to.',
    noneReadOnly: 'No tasks in this plan yet.',
    untitled: 'Untitled task',
    titleLabel: 'Task title',
    statusOf: 'Status of “{{title}}”',
    assignee: 'Assigned to',
    assigneeOf: 'Who “{{title}}” is assigned to',
    unassigned: 'Unassigned',
    due: 'Due date',
    dueOf: 'Due date of “{{title}}”',
    dueOn: 'due {{date}}',
    noDue: 'no due date',
    overdue: 'Overdue',
    reveal: 'Show in plan',
    placeMissing:
      'That place is no longer in the plan: the text the task was linked to has been deleted.',
    delete: 'Delete',
    deleteTitle: 'Delete this task?',
    deleteText: '“{{title}}” will be removed from this plan for every member of the space.',
    columnEmpty: 'No tasks',
    boardHint:
      'To move a card, change its status, or press Alt+← or Alt+→ while the card has focus.',
    moved: '“{{title}}” moved to {{status}}.',
    add: {
      title: 'New task',
      titleMissing: 'Give the task a title.',
      link: 'Link it to the place of the cursor in the plan',
      submit: 'Add task',
    },
    mine: {
      title: 'My tasks',
      openCount_one: '{{count}} open task',
      openCount_other: '{{count}} open tasks',
      overdueCount_one: '{{count}} overdue',
      overdueCount_other: '{{count}} overdue',
      overdueSummary_one: '{{count}} of your tasks is overdue.',
      overdueSummary_other: '{{count}} of your tasks are overdue.',
      done_one: 'Done ({{count}})',
      done_other: 'Done ({{count}})',
      allDone: 'Nothing left to do: all your tasks are done.',
      empty:
        'No tasks are assigned to you. Tasks belong to campaign plans in shared spaces: open a plan in a space, add a task beside it and assign it to a member. The tasks assigned to you in every space are gathered here.',
      loadFailed: 'Your tasks could not be loaded.',
      untitledPlan: 'Untitled plan',
    },
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
    unnamed: 'Space (name not received yet)',
    invitations: 'Invitations',
    waitingForKeys: 'Waiting for the key',
    invitation: {
      title: 'You are invited to this shared space',
      text: 'An admin added this device by its code; nothing of the space reaches this device until you accept.',
      accept: 'Accept',
      decline: 'Decline',
      acceptLabel: 'Accept the invitation to “{{name}}”',
      declineLabel: 'Decline the invitation to “{{name}}”',
      declineTitle: 'Decline the invitation to “{{name}}”?',
      declineText:
        'This device leaves the space without ever having opened it, and Suviaz forgets the invitation. To join later, an admin has to add this device again.',
      declineConfirm: 'Decline invitation',
    },
    status: {
      pending: 'Waiting for approval',
      removed: 'Removed',
      left: 'Left',
      declined: 'Declined',
      invited: 'Invitation',
    },
  },
  space: {
    sharedNotes: 'Shared notes',
    sharedNotesHelp:
      'One plain text page for this space: agendas, contacts, quick notes. Every member can read it; members who can write edit it together.',
    readOnlyRemoved: 'You can read this space; you can no longer write in it.',
    readOnlyLeft: 'You can read this space; you can no longer write in it.',
    readOnlyPending: 'You cannot write in this space until an admin approves you.',
    readOnlyDeclined: 'You cannot write in this space: you never became a member.',
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
    declinedTitle: 'An admin declined your request to join',
    declinedText:
      'You never became a member, so nothing of this space was shared with this device. If this is a mistake, ask an admin to add your device directly.',
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
      'Someone left this space or was removed. Your app starts a new key for it as soon as it is connected, so that what is written afterwards stays closed to them; until then, members’ edits wait on their devices.',
    rotationWaiting:
      'Someone left this space or was removed. Your edits wait on this device until an admin’s app starts a new key for the space, so that what you write stays closed to them. They go out by themselves.',
    waitingForKeys:
      'Waiting for an admin’s app to give this device the space’s key. It arrives when an admin is online.',
    fingerprintTitle: 'Space fingerprint',
    fingerprintText:
      'Compare these digits with other members over a channel you trust: in person or on a call. If they differ, the relay is showing you different histories of the space.',
  },
  sync: {
    retryNow: 'Try now',
    removed: 'Removed — nothing new reaches this device',
    left: 'Left — nothing new reaches this device',
    awaitingApproval: 'Waiting for approval',
    declined: 'Not a member',
    offlineTitle: 'Offline.',
    offlineText:
      'The relay cannot be reached. What you write is kept on this device and sent when the connection is back.',
    connected: 'Connected',
    syncing: 'Syncing {{count}}…',
    pending_one: '{{count}} change has not been confirmed by the relay yet.',
    pending_other: '{{count}} changes have not been confirmed by the relay yet.',
    connecting: 'Connecting to the relay…',
    offline: 'Offline — edits are kept and sent when the relay is back',
    disabled: 'Not connected: set a relay in Settings',
    openSettings: 'Open Settings',
    connectedTor: 'Connected via Tor',
    connectedProxy: 'Connected via proxy',
    torUnreachable: 'Tor is not reachable — start Tor or Tor Browser',
    proxyUnreachable: 'The proxy is not reachable',
    torRefused: 'Tor could not reach the relay — check the relay address',
    proxyRefused: 'The proxy could not reach the relay — check the relay address',
    unknown: 'The connection state is not known.',
    warningTitle: 'Warning: the relay may be misbehaving',
    warningAdvice:
      'Your copy on this device is safe. Tell the other members and whoever runs the relay.',
    warningAt: 'Noticed {{when}}.',
    relayKeyChanged: 'Refused: the relay’s identity key has changed — see Settings',
    relaySignatureInvalid: 'Refused: the relay could not prove its identity — see Settings',
    onionNeedsTor:
      'Not connected: this relay is on the Tor network (.onion) and is reached only through Tor — see Settings',
    titles: {
      member: 'A member’s change was ignored',
      waiting: 'Your edits are waiting',
      outdated: 'This space can no longer be opened',
      rotated: 'The relay’s key was rotated',
      device: 'This device could not save changes',
    },
    own: {
      'store-failed':
        'This device could not save the latest changes from the other members, most likely because its disk is full. They are still on the relay, and Suviaz keeps trying: free some disk space.',
      'publish-failed':
        'Your latest edits could not be sent. They are kept on this device, and Suviaz sends them again.',
      'subscribe-refused':
        'The relay did not send this document’s latest changes, so what you see may be behind. Suviaz asks again when it reconnects.',
      'quota-bytes':
        'This space has used all the storage its relay allows, so your latest edits cannot be sent. They are kept on this device. Ask whoever runs the relay for more room.',
      'quota-documents':
        'This space has as many documents as its relay allows, so a new document cannot be sent. It is kept on this device. Ask whoever runs the relay for more room.',
      'update-too-large':
        'One item of an edit is too large to send (a single value over 1 MB, which cannot be divided). It is kept on this device, but it and the edits after it in this document cannot reach the others. Copy what you need into a new document.',
      'snapshot-too-large':
        'This document has grown larger than the relay takes in one piece, so it can no longer be compacted. Edits still go through, but opening it on a new device gets slower, and after a member is removed it waits. Move some of its content into another document.',
      'relay-refused':
        'The relay did not accept your latest edits. They are kept on this device, and Suviaz sends them again when it can.',
    },
    unnamedReasons: {
      'old-position':
        'After the relay lost messages, it sent again a change a former editor made. Suviaz kept its own copy and did not apply it again.',
      'bad-update': 'A member sent a change this device could not read; it was ignored.',
      'log-ahead':
        'A member has seen membership changes this device has not been shown yet; your edits wait until the relay shows them.',
      'log-withheld':
        'The relay keeps back membership changes that a member has seen. Your edits are held. Compare the space fingerprint with other members.',
      'second-organisation':
        'An admin of the coalition added this device to a second organisation of it. Suviaz did not join it: a device belongs to one organisation of a coalition, and a look-alike could collect your hidden events. Ask the admins of your organisation; to move, leave it first.',
      forked:
        'This relay is showing members different histories of this space. Compare the space fingerprint with the other members over a trusted channel.',
    },
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
      'relay-rewound':
        'The relay no longer holds changes it had already delivered here, as if restored from an older backup. Nothing was lost on this device: Suviaz checked the relay’s copy again from the start and, if you can edit, sent it what it was missing. Tell the relay’s operator.',
      'omits-my-updates':
        'The relay’s copy leaves out changes this device sent and the relay confirmed. Suviaz did not accept that copy; your changes are kept here and will be sent again.',
      'old-position':
        'After the relay lost messages, it sent again a change {{member}} made before losing the right to edit. Suviaz kept its own copy and did not apply it again.',
      'bad-update': '{{member}} sent a change this device could not read; it was ignored.',
      'log-ahead':
        '{{member}} has seen membership changes this device has not been shown yet; your edits wait until the relay shows them.',
      'log-withheld':
        'The relay keeps back membership changes that {{member}} has seen. Your edits are held. Compare the space fingerprint with other members.',
      'second-organisation':
        '{{member}} added this device to a second organisation of a coalition. Suviaz did not join it: a device belongs to one organisation of a coalition, and a look-alike could collect your hidden events. Ask the admins of your organisation; to move, leave it first.',
      forked:
        'This relay is showing members different histories of this space. Compare the space fingerprint with {{member}} over a trusted channel.',
      'outdated-space':
        'A space made with an older test version of Suviaz can no longer be opened.',
      'relay-key-rotated':
        'The relay’s operator replaced its identity key, and the old key signed for the new one. Suviaz now pins the new key; nothing else changed.',
      'tampered-presence':
        'Someone’s presence in this document (who is here, where their cursor is) arrived altered or unsigned. Suviaz ignored it.',
      'group-log':
        'The relay sent a membership history of this space that does not check out, or that differs from what this device has seen. Suviaz ignored it and kept its own. Compare the space fingerprint with other members over a trusted channel.',
      'group-lockbox':
        'A key for this space arrived that no admin of it sealed for this device. Suviaz ignored it; until a valid one arrives, new content may not open here.',
      'group-metadata':
        'This space’s name or settings arrived in a form that does not check out. Suviaz ignored them and kept what it had.',
      'frame-failed':
        'This device could not handle a message from the relay and skipped it. If this keeps appearing, update Suviaz.',
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
  plans: {
    more: 'More actions',
    mode: {
      label: 'Show the plan as',
      document: 'Document',
      board: 'Board',
    },
    side: {
      collapse: 'Hide the panel',
      expand: 'Show the panel',
      open: 'Open {{tab}}',
    },
    title: 'Plans',
    none: 'No plans yet.',
    new: 'New plan',
    newTitle: 'Title of the new plan',
    create: 'Create plan',
    untitled: 'Untitled plan',
    createdOn: 'created {{when}}',
    opening: 'Opening the plans…',
    openFailed: 'The plans of this space could not be opened.',
    noAuthor:
      'Suviaz does not know this device’s key yet, so it cannot write here. Try again in a moment.',
    back: 'Back',
    backLabel: 'Back to the notes and plans of this space',
    titleLabel: 'Plan title',
    editorLabel: 'Text of the plan “{{title}}”',
    readOnly: 'You can read this plan, its tasks and comments, but not change them.',
    missing:
      'This plan is not here: it was deleted, or it has not reached this device yet. Go back and open it again later.',
    panels: 'Tasks, comments and versions of this plan',
    duplicateTooLarge:
      'This plan is too long to duplicate (over 256 kB of text). Copy the part you need into a new plan.',
    copyTitle: '{{title}} (copy)',
    duplicate: 'Duplicate as template',
    duplicateHint: 'A new plan with the same text; tasks and comments stay with this one.',
    exportMarkdown: 'Export Markdown',
    exportHtml: 'Export HTML',
    print: 'Print or save as PDF',
    exported: 'Saved “{{file}}” to your downloads folder.',
    exportHint:
      'The file holds the title, the text and the tasks with the names of who they are assigned to: anyone who gets it can read them. Keep it where you keep sensitive documents.',
    toolbar: {
      label: 'Formatting',
      withShortcut: '{{label}} ({{shortcut}})',
      undo: 'Undo your last change',
      redo: 'Redo',
      bold: 'Bold',
      italic: 'Italic',
      heading: 'Heading {{level}}',
      bulletList: 'Bulleted list',
      orderedList: 'Numbered list',
      taskList: 'Checklist',
      checkItem: 'Checklist item: {{text}}',
      checkItemEmpty: 'Empty checklist item',
      quote: 'Quote',
      link: 'Link',
      insertTable: 'Insert table',
      addRow: 'Add table row',
      addColumn: 'Add table column',
      deleteTable: 'Delete table',
    },
    link: {
      title: 'Link',
      url: 'Address',
      urlHint: 'Starting with https://, http:// or mailto:',
      invalid:
        'Only web addresses (https:// or http://) and email addresses (mailto:) can be linked. Check the address and try again.',
      apply: 'Apply',
      remove: 'Remove link',
    },
    people: {
      someone: 'A member',
      someoneNumbered: 'A member ({{number}})',
      removed: '{{name}} — removed',
      left: '{{name}} — left',
    },
    comments: {
      title: 'Comments',
      add: 'Comment',
      addHint: 'Select text in the plan to comment on it ({{shortcut}}).',
      input: 'Your comment on “{{quote}}”',
      submit: 'Post comment',
      showResolved: 'Show resolved',
      none: 'No comments yet.',
      noneOpen: 'No open comments.',
      resolve: 'Resolve',
      reopen: 'Reopen',
      resolved: 'Resolved',
      resolvedBy: 'Resolved by {{name}}',
      replyInput: 'Reply to {{name}}',
      replySubmit: 'Reply',
      show: 'Show in the plan',
      gone: 'The commented text is no longer in the plan.',
    },
    versions: {
      showLabel: 'Show',
      show: {
        changes: 'Changes',
        version: 'This version',
      },
      changesLabel: 'Changes from “{{name}}” to the current plan',
      legendAdded: 'Added since this version',
      legendRemoved: 'Removed since this version',
      noChanges: 'No changes: the plan’s text is the same as in this version.',
      srAdded: 'added:',
      srRemoved: 'removed:',
      restoredBy: '{{name}} restored “{{version}}”',
      restoredByAuto: '{{name}} restored the automatic version of {{when}}',
      restoredByUnknown: '{{name}} restored an earlier version',
      dismiss: 'Dismiss',
      title: 'Versions',
      name: 'Version name',
      save: 'Save version',
      saved: 'Version saved.',
      none: 'No versions yet. Automatic versions are saved while you edit.',
      auto: 'Automatic version',
      by: '{{name}}, {{when}}',
      view: 'View',
      viewLabel: 'View and compare “{{name}}”',
      current: 'Current plan',
      close: 'Close comparison',
      restore: 'Restore this version',
      restoreTitle: 'Restore this version?',
      restoreText:
        'The plan’s text becomes the text of this version, as a new edit that every member sees. Nothing is lost: the current text is saved as an automatic version first, so it stays one click away.',
      restoreConfirm: 'Restore',
      restored: 'Version restored. The text before it is saved as an automatic version.',
      unreadable:
        'This version cannot be read (another member’s app saved it damaged), so nothing was restored. The plan’s text is as it was.',
      tooLarge:
        'This plan is too long to keep a version of (over 256 kB of text), so none was saved. Its text is safe; copy parts of it into other plans to keep versions.',
    },
    export: {
      tasks: 'Tasks',
      due: 'Due',
      assignee: 'Assigned to',
      statuses: {
        todo: 'To do',
        'in-progress': 'In progress',
        blocked: 'Blocked',
        done: 'Done',
      },
    },
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
    added:
      'Added. The person sees an invitation to this space when their device next connects to the relay; the space opens for them once they accept.',
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
    secondAdminNeeded:
      'This invite works only once another admin approves it (the two-admin rule). Until then the link is refused.',
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
      remove: 'Removing {{name}}',
    },
    role: 'Role: {{role}}',
    device: 'Safety number of the device',
    requested: 'Asked {{when}}',
    requestedBy: 'Asked by {{name}}, {{when}}',
    on: 'on',
    off: 'off',
    approve: 'Approve',
    decline: 'Decline',
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
  calendar: calendarEn,
  briefings: briefingsEn,
  safety: safetyEn,
  duress: duressEn,
  lanRelay: lanRelayEn,
  bundle: bundleEn,
  disguise: disguiseEn,
};

export type Catalogue = typeof en;
