// English strings of the duress passphrase (Settings, Emergency).
export const duressEn = {
  title: 'Duress passphrase',
  explain:
    'A second passphrase for when someone forces you to unlock Suviaz. Typed on the lock screen, it opens a decoy vault with notes you prepare beforehand, and can destroy this vault at the same moment. Nothing on the screen or on the disk says that it exists or was used.',
  notSet: 'No duress passphrase is set.',
  unfinished:
    'Setting a duress passphrase did not finish: Suviaz stopped before it was done, so none is set. Set it again.',
  dismissUnfinished: 'Dismiss',
  setDecoyOnly: 'A duress passphrase is set: it opens the decoy. This vault stays.',
  setDestroys:
    'A duress passphrase is set: it opens the decoy and destroys this vault at once, for good.',
  setOpen: 'Set a duress passphrase…',
  replace: 'Replace it…',
  replaceWarning:
    'A new duress passphrase comes with a new, empty decoy: the notes of the current decoy are lost.',
  passphrase: 'Duress passphrase',
  confirm: 'Type the duress passphrase again',
  destroyLabel: 'Also destroy this vault when the duress passphrase is used',
  destroyHint:
    'Nobody can recover it afterwards, you included: not with this passphrase, not from a backup of the key file. Shared spaces stay with their other members.',
  setSubmit: 'Set duress passphrase',
  setting: 'Setting the duress passphrase…',
  failedNoneSet: 'No duress passphrase is set now.',
  failedPreviousGone:
    'No duress passphrase is set now: the previous one no longer works either. Set one again once the problem is solved.',
  prepareOpen: 'Prepare the decoy…',
  prepareExplain:
    'This vault locks and the decoy opens, so that you can write the notes it should show. Using the duress passphrase from here destroys nothing. Lock when you are done, then unlock with your usual passphrase.',
  preparePassphrase: 'Duress passphrase',
  prepareSubmit: 'Open the decoy',
  opening: 'Opening the decoy…',
  preparing:
    'You are preparing the decoy: what you write now is what the duress passphrase shows. Lock when you are done and unlock with your usual passphrase to come back.',
  remove: 'Remove it…',
  removeTitle: 'Remove the duress passphrase?',
  removeExplain:
    'The duress passphrase stops working and the decoy’s notes can no longer be opened. This vault stays as it is.',
  removeConfirm: 'Remove',
};
