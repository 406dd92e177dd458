// Belarusian strings of the seizure and coercion protections (panic wipe).
export const safetyBe = {
  eraseOpen: 'Сцерці гэта сховішча…',
  eraseTitle: 'Сцерці гэта сховішча зараз?',
  eraseExplain:
    'Усё ў гэтым сховішчы на гэтым камп’ютары — нататкі, прасторы, ключы — знішчаецца адразу, і ніхто, у тым ліку вы, не зможа гэта аднавіць. Тое, што маюць іншыя ўдзельнікі агульных прастор, застаецца ў іх.',
  eraseConfirm: 'Сцерці зараз',
  eraseShortcut:
    'У надзвычайнай сітуацыі {{shortcut}} адразу сцірае сховішча з любога экрана, нічога не пытаючыся.',
  emergency: 'Надзвычайная сітуацыя',
};
