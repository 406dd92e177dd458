// English strings of sync by file (the space's "Sync by file" panel and its errors): the shape the
// other languages' catalogues of it follow (hooked into each main catalogue as `bundle`, errors
// spread into its `errors`).
export const bundleEn = {
  title: 'Sync by file',
  intro:
    'When the relay cannot be reached, save a bundle of this space to a file (a USB stick) for another member to import on their device. It is encrypted for the space’s members and signed by this device; whoever holds the file learns only its size.',
  export: 'Export for another device',
  exporting: 'Preparing the bundle…',
  saved: 'Saved as {{file}}. Carry it to another member of this space.',
  file: 'Bundle to import',
  fileHint: 'A bundle another member of one of your spaces exported (at most {{max}} MB).',
  tooLarge: 'This file is larger than {{max}} MB, so it is not a bundle. Choose another file.',
  import: 'Import',
  reading: 'Reading the file… {{percent}} %',
  checking: 'Checking every item of the bundle…',
  imported: 'Imported the bundle {{member}} made on {{date}}.',
  aMember: 'a member',
  nothingNew: 'This device already had everything in the bundle.',
  passedOn: 'What was new goes on to your relay when you are connected.',
};

export const bundleErrorsEn = {
  'bundle-unreadable':
    'This file is not a bundle this device can open. It may be damaged, made by another version of Suviaz, or made for a space this device is not a member of (or before this device joined). Nothing was imported. Ask for a new bundle.',
  'bundle-damaged':
    'This bundle was changed or damaged after it was made, so none of it was imported. Copy it again from the original, or ask for a new one.',
  'bundle-replayed':
    'This device already imported this bundle, or a newer one from the same member for this space. An older bundle is refused so that it cannot undo what came later. Nothing was imported.',
  'bundle-not-member':
    'This bundle was not made by a member of the space who may write in it (or that member was removed). Nothing was imported. Someone may be trying to slip in false content: tell an admin of the space.',
  'bundle-conflict':
    'This bundle shows another history of the space than this device holds, so nothing was imported. Compare the space’s fingerprint with the member who made it.',
  'bundle-no-recipients':
    'Nobody else is a member of this space, so there is no one to make a bundle for.',
  'bundle-too-large':
    'This space is too large to carry in one bundle. Sync it through a relay instead.',
};
