// English strings of the seizure and coercion protections (panic wipe).
export const safetyEn = {
  eraseOpen: 'Erase this vault…',
  eraseTitle: 'Erase this vault now?',
  eraseExplain:
    'Everything in this vault on this computer — notes, spaces, keys — is destroyed at once and cannot be recovered by anyone, you included. What other members hold of shared spaces stays with them.',
  eraseConfirm: 'Erase now',
  eraseShortcut:
    'In an emergency, {{shortcut}} erases the vault at once from any screen, without asking.',
  emergency: 'Emergency',
};
