// Common Belarusian, Russian and Ukrainian passwords, words, names and phrases for the passphrase
// strength check, with their Latin transliterations and the same words typed on a Latin layout.
//
// Source: written by hand for Suviaz by its contributors (2026), from general knowledge of what
// people in Belarus, Russia and Ukraine choose as passwords (leaked-password rankings repeatedly
// show пароль/gfhjkm, привет/ghbdtn, любовь, names, cities, football clubs, "I love you"); no
// third-party list was copied. Licensed with the rest of Suviaz. Order is rough commonness, most
// common first: zxcvbn treats a word's position as its rank (fewer guesses for earlier words).
// It is modest on purpose: a few hundred words that would otherwise count as random Cyrillic.

/** Whitespace-separated words; a line starting with # is a heading. */
function words(list: string): readonly string[] {
  return list
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((word) => word.length > 0);
}

/** Passwords and everyday words: Russian, Ukrainian, Belarusian, each roughly most common first. */
export const EAST_SLAVIC_WORDS: readonly string[] = words(`
  # ru
  пароль привет любовь люблютебя ятебялюблю солнце солнышко котик
  зайка зайчик малыш мама папа москва россия родина свобода счастье
  ангел дракон мечта надежда вера жизнь весна лето осень зима небо
  звезда ромашка цветок девочка мальчик красавица принцесса пушистик
  кошка собака медведь тигр волк лиса футбол спартак динамо зенит
  компьютер интернет секрет хорошо спасибо здравствуй победа слава мир
  добро навсегда всегда вместе семья друг подруга море кофе шоколад
  работа деньги война наш бог господи помогите тайна ключ дом
  ласточка рыбка киска масик лапочка любимый любимая милый милая
  питер новосибирск россия1 пароль1 пароль123 привет123
  # uk
  паролі привіт кохання кохаю коханий кохана сонце сонечко любов
  україна київ львів харків одеса дніпро воля мрія надія щастя
  квітка зірка тато батьківщина незалежність калина вишня козак тризуб
  борщ сало шевченко славаукраїні героямслава доброго дякую родина
  кіт котик зайчик весна осінь літо небо море сім’я друже шахтар
  кохаютебе якохаютебе незламні перемога мирнебо
  # be
  каханне кахаю каханы каханая прывітанне прывет сонца любоў радзіма
  беларусь мінск менск гомель брэст гродна магілёў віцебск свабода
  шчасце мара надзея вясна зорка кветка матуля бусел зубр пагоня
  жыве жывебеларусь васілёк купалле мова сцяг дзякуй добры лета
  восень зіма неба сям’я сябар сяброўка кахаютябе бчб вольная
`);

/** First names and diminutives common in the three countries. */
export const EAST_SLAVIC_NAMES: readonly string[] = words(`
  александр саша алексей андрей анна аня анастасия настя дмитрий
  дима сергей наталья наташа ольга оля елена лена ирина ира
  татьяна таня светлана света екатерина катя мария маша юлия юля
  владимир вова николай коля иван ваня михаил миша максим макс
  артем артём денис евгений женя игорь олег павел паша роман рома
  виктор виктория вика ксения ксюша марина людмила галина оксана
  кристина дарья даша полина алина валентина надя вероника никита
  кирилл антон илья егор тимур владислав влад вадим руслан юрий
  олександр олена наталія тетяна андрій сергій дмитро микола василь
  петро софія соломія богдан тарас остап ярослав мирослава ганна
  аляксандр алесь аксана наталля святлана ірына андрэй сяргей дзмітрый
  мікалай уладзімір марына вольга таццяна кацярына янка ягор францішак
`);

/** Latin transliterations people type instead of the Cyrillic words above. */
export const EAST_SLAVIC_TRANSLITERATIONS: readonly string[] = words(`
  parol privet lyubov lubov ljubov lublutebya lyublyutebya yatebyalyublyu
  solnce solntse solnyshko kotik zayka zaika malysh mama papa moskva
  rossiya rossia svoboda schastye schastie nadezhda mechta zvezda
  spartak dinamo zenit pobeda slava semya druzhba sekret parol123
  pryvit kokhannia kohannya kohannia kohayu sonechko ukraina ukraine
  kyiv kiev lviv kharkiv odesa odessa volya mriya mriia nadiya
  shchastya slavaukraini heroyamslava shakhtar kozak borsch salo
  kachanne kahanne pryvitannie pryvitanne bielarus belarus minsk miensk
  zhyvebelarus zhivebelarus radzima pahonia pagonya dziakuj sasha natasha
  masha dima sergey serega andrey alexey alexandr aleksandr nastya
  katya olga elena irina tanya sveta yulia vova kolya vanya misha
  maksim artem denis evgeniy zhenya igor oleg pavel roman viktor
  vika ksenia ksusha marina oksana kristina dasha polina alina
  nikita kirill anton ilya egor vlad ruslan yuriy oleksandr olena
  andriy serhiy dmytro mykola vasyl petro sofia bohdan taras ales
`);

/** Top English passwords as typed when the keyboard was left on a ЙЦУКЕН layout (password → зфыыцщкв). */
export const ENGLISH_ON_CYRILLIC_LAYOUT_SOURCE: readonly string[] = words(`
  password iloveyou admin dragon monkey letmein football welcome master
  sunshine princess shadow superman trustno1 secret freedom love
`);
