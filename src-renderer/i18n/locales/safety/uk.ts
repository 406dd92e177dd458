// Ukrainian strings of the seizure and coercion protections (panic wipe).
export const safetyUk = {
  eraseOpen: 'Стерти це сховище…',
  eraseTitle: 'Стерти це сховище зараз?',
  eraseExplain:
    'Усе в цьому сховищі на цьому комп’ютері — нотатки, простори, ключі — знищується одразу, і ніхто, зокрема ви, не зможе це відновити. Те, що мають інші учасники спільних просторів, залишається в них.',
  eraseConfirm: 'Стерти зараз',
  eraseShortcut:
    'У надзвичайній ситуації {{shortcut}} одразу стирає сховище з будь-якого екрана, нічого не питаючи.',
  emergency: 'Надзвичайна ситуація',
};
