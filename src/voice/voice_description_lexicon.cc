#include "voice/voice_description_lexicon.h"

#include <algorithm>
#include <cassert>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"

namespace voxwire::description {
namespace {

using D = Dimension;
constexpr GenderCue kFemale = GenderCue::kFemale;
constexpr GenderCue kMale = GenderCue::kMale;
constexpr GenderCue kNoGender = GenderCue::kNone;
constexpr Certainty kImplied = Certainty::kImplied;
constexpr Certainty kExplicit = Certainty::kExplicit;
constexpr AgeBand kChild = AgeBand::kChild;
constexpr AgeBand kTeen = AgeBand::kTeen;
constexpr AgeBand kYoung = AgeBand::kYoungAdult;
constexpr AgeBand kMiddle = AgeBand::kMiddleAged;
constexpr AgeBand kElderly = AgeBand::kElderly;

// A sense for words that only say who speaks.
constexpr Sense who(GenderCue gender, Certainty gender_certainty, std::optional<AgeBand> age = std::nullopt,
                    Certainty age_certainty = kExplicit) {
  return Sense{gender == kNoGender ? D::kAge : D::kGender, "", {}, {gender, gender_certainty, age, age_certainty}};
}
constexpr Sense age(AgeBand band, Certainty certainty = kExplicit) { return who(kNoGender, kExplicit, band, certainty); }

// Synonyms separated by '|'. Chinese terms match anywhere (the longest entry
// wins, so 高兴 is not 高); English terms are lowercase, match whole words,
// and a space stands for any run of spaces, hyphens or underscores.
struct SenseRow {
  std::string_view terms;
  Sense sense;
};

// Effects are those of the plain word; degree words scale them. Magnitudes:
// pitch 3 semitones for 高/低, rate 15% for 快/慢, f0_range 0.3-0.4 for
// expressive or flat delivery, brightness 0.4 for 清脆/明亮; presets
// (emotions, use cases) move several attributes by less. Kept in line with
// data/system_voices.json (e.g. Neil, a news anchor, has f0_range 0.5).
const SenseRow kSenses[] = {
    // Gender, with the age some words suggest.
    {"女|女性|女声|女生|女士|女人|女子|女的|女性化|female|woman|women|lady|feminine|womanly", who(kFemale, kExplicit)},
    {"她|she|her|hers|herself", who(kFemale, kImplied)},
    {"女孩|女孩子|女孩儿|姑娘|小姑娘|妹妹|小妹妹|妹子|girl|gal|lass", who(kFemale, kExplicit, kTeen, kImplied)},
    {"少女|女中学生|teenage girl|schoolgirl|young girl", who(kFemale, kExplicit, kTeen)},
    {"小女孩|女童|萝莉|小萝莉|小丫头|little girl|baby girl", who(kFemale, kExplicit, kChild)},
    {"姐姐|小姐姐|御姐|young woman|young lady|girl next door|older sister|big sister|elder sister",
     who(kFemale, kExplicit, kYoung)},
    {"sister|sis", who(kFemale, kExplicit, kYoung, kImplied)},
    {"阿姨|大妈|大婶|妈妈|母亲|妇女|mother|mom|mum|aunt|auntie|matron", who(kFemale, kExplicit, kMiddle, kImplied)},
    {"奶奶|老奶奶|姥姥|外婆|婆婆|老婆婆|老太太|老太婆|老妇人|grandmother|grandma|granny|old lady|old woman",
     who(kFemale, kExplicit, kElderly)},
    {"男|男性|男声|男生|男士|男人|男子|男的|male|man|men|gentleman|gentlemen|masculine|manly|guy|dude|fellow|bloke",
     who(kMale, kExplicit)},
    {"他|he|him|his|himself", who(kMale, kImplied)},
    {"男孩|男孩子|男孩儿|boy|lad", who(kMale, kExplicit, kTeen, kImplied)},
    {"少年|男中学生|teenage boy|schoolboy|young boy", who(kMale, kExplicit, kTeen)},
    {"小男孩|男童|正太|小正太|little boy|baby boy", who(kMale, kExplicit, kChild)},
    {"哥哥|小哥哥|小哥|小伙|小伙子|帅哥|young man|young guy|boy next door|older brother|big brother|elder brother",
     who(kMale, kExplicit, kYoung)},
    {"brother|bro", who(kMale, kExplicit, kYoung, kImplied)},
    {"叔叔|大叔|大哥|爸爸|父亲|uncle|father|dad|daddy", who(kMale, kExplicit, kMiddle, kImplied)},
    {"爷爷|老爷爷|老大爷|大爷|姥爷|外公|老头|老头儿|老先生|老爷子|老汉|grandfather|grandpa|granddad|old man|old gentleman",
     who(kMale, kExplicit, kElderly)},
    {"中性|中性化|雌雄莫辨|gender neutral|androgynous|unisex|non binary|nonbinary",
     who(GenderCue::kNeutral, kExplicit)},
    {"neutral", who(GenderCue::kNeutral, kImplied)},
    {"男低音|bass|basso", {D::kPitch, "bass", {.pitch_st = -4}, {kMale, kImplied}}},
    {"男中音|baritone", {D::kPitch, "baritone", {.pitch_st = -2.5}, {kMale, kImplied}}},

    // Age.
    {"儿童|小孩|小孩子|孩子|孩童|童声|小朋友|宝宝|幼儿|小学生|童|child|children|kid|toddler|schoolchild|little one|"
     "infant|baby|preschooler",
     age(kChild)},
    {"青少年|中学生|高中生|初中生|高中|teen|teenager|teenage|adolescent|high school|youngster|juvenile", age(kTeen)},
    {"青年|年轻|年轻人|年青|大学生|young|young adult|college student|university student|twenties|thirties|youthful",
     age(kYoung)},
    {"青春|朝气|youth", age(kYoung, kImplied)},
    {"中年|中年人|middle aged|middle age|midlife|forties|fifties", age(kMiddle)},
    {"成熟|老练|老成|mature|grown up|seasoned|older", age(kMiddle, kImplied)},
    {"老年|老人|老年人|老者|长者|年迈|苍老|老迈|年长|上了年纪|花甲|古稀|耄耋|老|elderly|old|senior|ancient|sixties|"
     "seventies|eighties|geriatric|wizened",
     age(kElderly)},

    // Pitch.
    {"高|高音|高调|偏高|音调高|高音调|提高|升高|抬高|调高|拔高|提高音调|high|high pitched|higher pitched|treble",
     {D::kPitch, "high", {.pitch_st = 3}}},
    {"尖|尖细|细声|尖锐|尖利|尖声|纤细|thin|shrill|piercing|squeaky|reedy",
     {D::kPitch, "thin", {.pitch_st = 3.5, .brightness = 0.3, .formant = 0.03}}},
    {"低|低音|偏低|音调低|低音调|降低|压低|调低|降低音调|low|low pitched|lower pitched",
     {D::kPitch, "low", {.pitch_st = -3}}},
    {"低沉|深沉|沉|沉厚|deep|deep voiced|deep pitched",
     {D::kPitch, "deep", {.pitch_st = -3, .brightness = -0.15, .formant = -0.02}}},
    {"中音|中等音调|音调适中|音调中等|mid|medium|mid pitched|medium pitched|medium pitch|mid range|moderate pitch|normal pitch",
     {D::kPitch, "medium", {.pitch_st = 0}}},

    // Pace.
    {"快|快速|偏快|急|急促|飞快|明快|语速快|提高语速|加快语速|加快|加速|fast|quick|rapid|brisk|swift|speedy|hurried|"
     "fast paced|fast talking|speed up|hurry",
     {D::kPace, "fast", {.rate = 0.15}}},
    {"慢|缓慢|慢速|偏慢|慢悠悠|慢吞吞|舒缓|徐缓|缓|缓缓|放慢|放缓|减慢|降低语速|放慢语速|slow|leisurely|unhurried|"
     "drawn out|drawling|drawl|slow paced|unrushed",
     {D::kPace, "slow", {.rate = -0.15}}},
    {"平稳|中速|适中|语速适中|语速平稳|语速中等|不快不慢|不紧不慢|匀速|稳|稳定|正常语速|steady|moderate|moderate pace|"
     "medium pace|measured|even pace|even paced|normal speed|normal pace",
     {D::kPace, "steady", {.rate = 0, .range = -0.1}}},

    // Intonation.
    {"抑扬顿挫|抑扬|起伏|有起伏|富有变化|有变化|感情丰富|感情充沛|有感情|富有感情|声情并茂|生动|富有表现力|表现力|跌宕起伏|夸张|"
     "戏剧化|戏剧性|expressive|animated|varied|melodic|melodious|lilting|sing song|singsong|dramatic|theatrical|"
     "exaggerated|dynamic|emotive|emphatic",
     {D::kIntonation, "expressive", {.range = 0.4}}},
    {"上扬|上扬语调|语调上扬|上挑|扬起|尾音上扬|轻扬|上升|rising|upward|rising intonation|upspeak|upturned",
     {D::kIntonation, "rising", {.pitch_st = 1, .range = 0.25}}},
    {"平淡|平直|单调|平板|没有起伏|毫无起伏|平铺直叙|平和|平缓|淡淡|flat|monotone|monotonous|deadpan|even tone|level|"
     "matter of fact|understated|restrained|neutral tone|neutral delivery|neutral intonation|plain",
     {D::kIntonation, "flat", {.rate = 0, .range = -0.3}}},

    // Volume.
    {"大声|响亮|洪亮|嘹亮|高声|音量大|声音大|大嗓门|声如洪钟|提高音量|加大音量|调大音量|loud|booming|projecting|"
     "resounding|thunderous",
     {D::kVolume, "loud", {.range = 0.1, .breathiness = -0.2, .brightness = 0.3}}},
    {"小声|轻声|低声|轻轻|音量小|声音小|轻声细语|压低声音|压低嗓音|降低音量|调小音量|quiet|soft spoken|softly spoken|"
     "hushed|low voice|murmur|murmuring",
     {D::kVolume, "quiet", {.breathiness = 0.3, .brightness = -0.25}}},
    {"耳语|悄悄|悄悄话|低语|气声说话|窃窃私语|whisper|whispery|sotto voce",
     {D::kVolume, "whisper", {.rate = -0.05, .range = -0.2, .breathiness = 0.6, .brightness = -0.35}}},

    // Emotion and manner.
    {"开朗|阳光|快乐|开心|高兴|愉快|欢快|欢乐|喜悦|乐观|明朗|爽朗|cheerful|happy|joyful|joyous|upbeat|sunny|glad|"
     "jolly|merry|positive|optimistic|smiling|cheery",
     {D::kEmotion, "cheerful", {.pitch_st = 1, .rate = 0.05, .range = 0.25, .brightness = 0.2}}},
    {"活泼|俏皮|调皮|灵动|机灵|元气|轻快|欢脱|淘气|lively|playful|bubbly|vivacious|perky|spirited|spunky|peppy|"
     "mischievous|sprightly|chirpy|zesty",
     {D::kEmotion, "lively", {.pitch_st = 1.5, .rate = 0.08, .range = 0.35, .brightness = 0.2}}},
    {"温柔|柔和|轻柔|温和|柔美|柔软|柔|温婉|婉约|体贴|gentle|gently|soft|tender|mild|kind|caring",
     {D::kEmotion, "gentle", {.rate = -0.05, .range = -0.15, .breathiness = 0.15, .brightness = -0.1}}},
    {"沉稳|稳重|沉着|庄重|持重|稳健|composed|self possessed|poised|grounded|sober|dignified",
     {D::kEmotion, "composed", {.pitch_st = -1, .rate = -0.05, .range = -0.15, .brightness = -0.1}}},
    {"严肃|严厉|正式|正经|严谨|一本正经|serious|stern|formal|solemn|grave|strict|severe",
     {D::kEmotion, "serious", {.pitch_st = -0.5, .rate = -0.03, .range = -0.25, .breathiness = -0.05}}},
    {"冷静|平静|安静|宁静|淡定|从容|恬静|文静|沉静|镇定|悠闲|轻松|放松|calm|peaceful|relaxed|serene|tranquil|"
     "collected|placid|cool headed|laid back|easygoing|easy going",
     {D::kEmotion, "calm", {.rate = -0.08, .range = -0.25, .breathiness = 0.05}}},
    {"治愈|治愈系|舒服|舒适|安抚|抚慰|暖心|soothing|comforting|healing|reassuring|calming|relaxing",
     {D::kEmotion, "soothing",
      {.pitch_st = -0.5, .rate = -0.1, .range = -0.25, .breathiness = 0.2, .brightness = -0.15}}},
    {"激昂|慷慨激昂|激动|兴奋|热情|激情|激情澎湃|热血|高昂|高亢|充满活力|有活力|活力|精力充沛|昂扬|振奋|excited|"
     "exciting|energetic|energy|enthusiastic|passionate|vibrant|fiery|rousing|stirring|high energy|pumped|hyped|intense",
     {D::kEmotion, "excited",
      {.pitch_st = 1.5, .rate = 0.12, .range = 0.45, .breathiness = -0.05, .brightness = 0.3}}},
    {"悲伤|伤心|忧伤|难过|哀伤|悲痛|低落|沮丧|伤感|忧郁|惆怅|悲凉|凄凉|哭腔|sad|sorrowful|melancholy|melancholic|"
     "gloomy|depressed|mournful|tearful|heartbroken|somber|sombre|downcast",
     {D::kEmotion, "sad",
      {.pitch_st = -1.5, .rate = -0.12, .range = -0.3, .breathiness = 0.15, .brightness = -0.25}}},
    {"愤怒|生气|恼怒|暴躁|凶|凶狠|怒|气愤|angry|furious|irate|annoyed|irritated|mad|enraged|fierce|short tempered|"
     "hot tempered|aggressive|hostile",
     {D::kEmotion, "angry", {.pitch_st = 1, .rate = 0.08, .range = 0.4, .breathiness = -0.05, .brightness = 0.35}}},
    {"害怕|恐惧|紧张|惊恐|慌张|不安|胆怯|怯生生|颤抖|scared|afraid|fearful|frightened|nervous|anxious|timid|shaky|"
     "trembling|terrified|panicked",
     {D::kEmotion, "fearful", {.pitch_st = 1.5, .rate = 0.1, .range = 0.2, .breathiness = 0.2}}},
    {"惊讶|吃惊|惊喜|surprised|amazed|astonished|awed",
     {D::kEmotion, "surprised", {.pitch_st = 2, .range = 0.45, .brightness = 0.15}}},
    {"神秘|诡异|阴森|阴沉|惊悚|恐怖|鬼魅|mysterious|eerie|spooky|creepy|sinister|haunting|ominous|horror|ghostly",
     {D::kEmotion, "mysterious", {.rate = -0.08, .breathiness = 0.3, .brightness = -0.3}}},
    {"慵懒|懒洋洋|懒散|困倦|睡意|lazy|sleepy|drowsy|languid|dreamy|tired|weary|sluggish",
     {D::kEmotion, "lazy", {.rate = -0.12, .range = -0.15, .breathiness = 0.2, .brightness = -0.1}}},
    {"自信|坚定|果断|干练|利落|干脆|爽快|笃定|confident|assertive|decisive|firm|determined|self assured|resolute|"
     "no nonsense",
     {D::kEmotion, "confident", {.pitch_st = -0.5, .range = 0.05, .breathiness = -0.1, .brightness = 0.1}}},
    {"威严|权威|霸气|威风|authoritative|commanding|imposing|majestic|domineering|regal|dominant",
     {D::kEmotion, "authoritative",
      {.pitch_st = -1.5, .range = -0.1, .breathiness = -0.1, .brightness = -0.1, .formant = -0.03}}},
    {"亲切|亲和|友好|和蔼|和善|慈祥|热心|随和|平易近人|友善|friendly|approachable|warm hearted|welcoming|amiable|"
     "affable|kindly|genial|personable|inviting",
     {D::kEmotion, "friendly", {.range = 0.1, .breathiness = 0.05, .brightness = 0.05}}},
    {"幽默|搞笑|风趣|诙谐|逗趣|滑稽|有趣|humorous|funny|witty|comic|comical|jokey|goofy|quirky|cheeky",
     {D::kEmotion, "humorous", {.rate = 0.05, .range = 0.3}}},
    {"可爱|萌|呆萌|软萌|卖萌|cute|adorable",
     {D::kEmotion, "cute", {.pitch_st = 2, .range = 0.3, .brightness = 0.2, .formant = 0.04}}},
    {"知性|优雅|高雅|端庄|大方|文雅|睿智|智慧|intellectual|intelligent|elegant|sophisticated|refined|graceful|wise|cultured",
     {D::kEmotion, "intellectual", {.pitch_st = -0.5, .rate = -0.03, .range = -0.1}}},
    {"冷酷|冷漠|高冷|冷淡|清冷|傲慢|傲娇|疏离|cold|cool|aloof|detached|distant|icy|indifferent|reserved|haughty",
     {D::kEmotion, "cold", {.range = -0.3, .breathiness = -0.05}}},
    {"性感|妩媚|娇媚|魅惑|撩人|sexy|sultry|seductive|alluring|flirty|flirtatious",
     {D::kEmotion, "sultry", {.pitch_st = -1, .rate = -0.08, .breathiness = 0.3, .brightness = -0.15}}},
    {"撒娇|嗲|娇嗔|娇滴滴|嗲声嗲气|coy|coquettish|whiny|pouty",
     {D::kEmotion, "coquettish", {.pitch_st = 2, .rate = -0.05, .range = 0.3, .breathiness = 0.2}}},
    {"专业|professional|polished|businesslike|corporate",
     {D::kEmotion, "professional", {.rate = 0, .range = -0.15, .breathiness = -0.1, .brightness = 0.05}}},
    {"憨厚|朴实|淳朴|质朴|朴素|honest|earnest|plain spoken|down to earth|rustic|homely|folksy",
     {D::kEmotion, "earnest", {.rate = -0.05, .brightness = -0.1}}},
    {"深情|抒情|动情|感性|浪漫|emotional|affectionate|romantic|heartfelt|loving|sentimental",
     {D::kEmotion, "affectionate", {.rate = -0.08, .range = 0.15, .breathiness = 0.15}}},
    {"豪迈|豪爽|大气|磅礴|雄浑|heroic|bold|epic|grand|valiant|hearty",
     {D::kEmotion, "heroic",
      {.pitch_st = -0.5, .rate = 0.05, .range = 0.3, .breathiness = -0.1, .brightness = 0.15, .formant = -0.02}}},
    {"低调|内敛|含蓄|克制|谦逊|low key|modest|subdued|muted",
     {D::kEmotion, "reserved", {.range = -0.2, .brightness = -0.1}}},

    // Timbre.
    {"磁性|有磁性|富有磁性|磁性十足|magnetic",
     {D::kTimbre, "magnetic", {.pitch_st = -1, .breathiness = 0.1, .brightness = -0.15, .formant = -0.03}}},
    {"浑厚|厚重|厚实|宽厚|雄厚|饱满|深厚|低频|低频饱满|rich|full|full bodied|resonant|sonorous|robust|thick",
     {D::kTimbre, "rich", {.pitch_st = -1.5, .breathiness = -0.05, .brightness = -0.2, .formant = -0.04}}},
    {"醇厚|圆润|温润|醇和|柔润|丝滑|顺滑|醇|mellow|smooth|round|rounded|velvety|silky|creamy|buttery",
     {D::kTimbre, "mellow", {.breathiness = 0.05, .brightness = -0.15, .formant = -0.01}}},
    {"清脆|清亮|清澈|透亮|清透|脆|脆生生|清新|crisp|sparkling|fresh|limpid|crystal clear|crystalline",
     {D::kTimbre, "crisp", {.breathiness = -0.1, .brightness = 0.4}}},
    {"清晰|吐字清晰|口齿清晰|咬字清晰|字正腔圆|发音标准|标准|clear|articulate|clear articulation|well enunciated|"
     "enunciated|precise",
     {D::kTimbre, "clear", {.breathiness = -0.1, .brightness = 0.15}}},
    {"沙哑|嘶哑|低哑|烟嗓|哑|沙沙|气泡音|husky|hoarse|raspy|gravelly|gravel|smoky|croaky|creaky|vocal fry|scratchy|"
     "rasp|throaty",
     {D::kTimbre, "husky", {.pitch_st = -1.5, .breathiness = 0.45, .brightness = -0.35}}},
    {"甜美|甜|甜甜|甜蜜|甜润|甜糯|清甜|sweet|sugary|saccharine",
     {D::kTimbre, "sweet", {.pitch_st = 1.5, .breathiness = 0.05, .brightness = 0.2, .formant = 0.03}}},
    {"有力|有力量|力量感|铿锵|铿锵有力|强劲|雄壮|有劲|底气十足|中气十足|powerful|strong|forceful|punchy|mighty|"
     "vigorous|potent",
     {D::kTimbre, "powerful", {.range = 0.1, .breathiness = -0.15, .brightness = 0.2, .formant = -0.02}}},
    {"气声|气息感|气音|气息|带气息|breathy|airy|breath", {D::kTimbre, "breathy", {.breathiness = 0.5, .brightness = -0.2}}},
    {"明亮|亮|亮丽|高频|bright|brilliant|brassy|shiny|radiant|vivid", {D::kTimbre, "bright", {.brightness = 0.45}}},
    {"暗|暗沉|沉闷|闷|低暗|浑浊|dark|muffled|dull|murky", {D::kTimbre, "dark", {.brightness = -0.45}}},
    {"空灵|飘渺|缥缈|梦幻|仙气|ethereal|angelic|otherworldly|celestial|dreamlike|heavenly",
     {D::kTimbre, "ethereal", {.pitch_st = 1, .range = -0.05, .breathiness = 0.35, .brightness = 0.25}}},
    {"沧桑|饱经风霜|风霜|weathered|world weary|worn|grizzled|time worn",
     {D::kTimbre, "weathered", {.pitch_st = -1, .rate = -0.05, .breathiness = 0.3, .brightness = -0.3}}},
    {"稚嫩|稚气|童真|单纯|奶声奶气|奶萌|奶|稚|childlike|childish|babyish|innocent|naive",
     {D::kTimbre, "childlike", {.pitch_st = 2, .range = 0.2, .brightness = 0.25, .formant = 0.06}}},
    {"粗犷|粗|粗哑|粗重|粗糙|rough|gruff|rugged|coarse|burly|gritty",
     {D::kTimbre, "rough", {.pitch_st = -1, .breathiness = 0.25, .brightness = -0.2, .formant = -0.04}}},
    {"细腻|细致|精致|delicate|dainty|subtle", {D::kTimbre, "delicate", {.breathiness = 0.15, .brightness = 0.05}}},
    {"温暖|暖|暖暖|温厚|warm|cozy|cosy", {D::kTimbre, "warm", {.breathiness = 0.1, .brightness = -0.1}}},
    {"纯净|干净|纯|纯粹|清纯|pure|clean|pristine", {D::kTimbre, "pure", {.breathiness = -0.15, .brightness = 0.15}}},
    {"鼻音|nasal|twangy|twang", {D::kTimbre, "nasal", {.brightness = 0.2, .formant = 0.01}}},
    {"软糯|软|糯|软绵绵", {D::kTimbre, "soft", {.pitch_st = 1, .breathiness = 0.2, .brightness = -0.05}}},
    {"金属感|机械|电子音|metallic|tinny|robotic",
     {D::kTimbre, "metallic", {.range = -0.3, .breathiness = -0.15, .brightness = 0.35}}},

    // Use case.
    {"新闻|播报|新闻播报|播音|播音员|主播|新闻主播|主持|主持人|播音腔|广播|news|newscast|broadcast|broadcaster|"
     "announcer|anchor|newsreader|news anchor|presenter|host|bulletin",
     {D::kUseCase, "news", {.rate = 0, .range = -0.35, .breathiness = -0.1, .brightness = 0.1}}},
    {"广告|广告配音|促销|带货|推销|宣传|宣传片|营销|产品|时尚产品|advertising|advert|advertisement|ad|ads|commercial|"
     "promo|promotional|marketing|sales|sales pitch|product",
     {D::kUseCase, "advertising", {.rate = 0.05, .range = 0.3, .brightness = 0.25}}},
    {"有声书|有声读物|有声小说|朗读|讲故事|故事|童话|小说|读书|旁白|听书|audiobook|audio book|story|storytelling|"
     "storyteller|narration|narrator|narrate|narrating|narrative|read aloud|reading aloud|novel|fiction|fairy tale",
     {D::kUseCase, "audiobook", {.rate = -0.05, .range = 0.1, .breathiness = 0.05}}},
    {"动画|动画角色|动画配音|动漫|卡通|二次元|游戏角色|游戏|角色配音|animation|cartoon|cartoonish|anime|"
     "game character|video game|character voice|gaming",
     {D::kUseCase, "animation", {.pitch_st = 1, .range = 0.4, .brightness = 0.25, .formant = 0.03}}},
    {"助手|语音助手|智能助手|助理|客服|智能客服|导航|语音导航|智能音箱|assistant|voice assistant|virtual assistant|"
     "customer service|customer support|call center|ivr|navigation|smart speaker|chatbot|helpdesk",
     {D::kUseCase, "assistant", {.rate = 0, .range = -0.1, .breathiness = -0.05, .brightness = 0.15}}},
    {"纪录片|纪录片解说|解说|科普|讲解|专题片|documentary|commentary|voice over|voiceover|explainer",
     {D::kUseCase, "documentary", {.rate = -0.05, .range = -0.15, .brightness = -0.05}}},
    {"教学|老师|教师|讲课|课程|教育|培训|网课|讲座|teacher|teaching|lecture|lecturer|tutorial|education|"
     "educational|e learning|course|classroom|instructor|professor|tutor",
     {D::kUseCase, "teaching", {.rate = -0.05, .range = 0.1, .brightness = 0.05}}},
    {"睡前|睡前故事|助眠|哄睡|冥想|催眠|瑜伽|asmr|bedtime|bedtime story|sleep|meditation|relaxation|hypnosis|yoga|"
     "lullaby|spa|mindfulness",
     {D::kUseCase, "bedtime", {.rate = -0.15, .range = -0.35, .breathiness = 0.3, .brightness = -0.3}}},
    {"体育解说|赛事解说|足球解说|体育|赛事|sports commentary|sportscaster|commentator|football|soccer|sports|play by play|match commentary",
     {D::kUseCase, "sports", {.rate = 0.2, .range = 0.5, .brightness = 0.35}}},
    {"诗歌|朗诵|诗朗诵|话剧|舞台剧|相声|poetry|poem|recitation|recital|drama|theater|theatre|stage",
     {D::kUseCase, "recitation", {.rate = -0.05, .range = 0.3}}},
    {"播客|电台|podcast|radio|dj|talk show|vlog", {D::kUseCase, "podcast", {.range = 0.1, .breathiness = 0.05}}},
};

// Degree words scale the next sense word; negations turn it a little the
// other way (不太快 = a little slower than plain); suffixes (快一点) scale the
// word just before.
struct ModifierRow {
  std::string_view terms;
  double factor;
  bool suffix;
};
constexpr double kNegation = -0.35;
const ModifierRow kModifiers[] = {
    {"非常|特别|十分|极其|极为|极|超级|超|格外|无比|异常|相当|extremely|incredibly|exceptionally|super|highly|"
     "intensely|remarkably|especially|particularly|hugely|ultra",
     1.6, false},
    {"很|太|好|真|挺|那么|这么|明显|尤其|very|really|so|too|quite|much|far|truly|noticeably|distinctly|strongly", 1.3,
     false},
    {"较|比较|偏|较为|相对|还算|蛮|fairly|rather|pretty|relatively|moderately|reasonably|comparatively", 0.75, false},
    {"略|略微|略带|稍|稍微|稍稍|有点|有点儿|有些|有一点|微|微微|轻微|带点|带一点|一丝|slightly|bit|little|somewhat|"
     "mildly|kind of|kinda|sort of|touch of|hint of|tad",
     0.5, false},
    {"更|更加|更为|再|还要|越来越|富有|带有|充满|具有|有着|more|even|even more", 1.0, false},
    {"不|不要|别|没有|没|无|并不|不是|不会|毫无|不带|缺乏|不够|勿|请勿|避免|不用|not|no|never|without|don't|dont|"
     "doesn't|isn't|aren't|wasn't|nor|non|neither|avoid|lacking|lack|free of|instead of",
     kNegation, false},
    {"不那么|less|not so|not as", -0.5, false},
    {"一点|一点儿|一些|些|点|点儿|一下|少许", 0.7, true},
    {"一点点|一丢丢|一丁点", 0.4, true},
    {"得多|很多|多了|极了|得很|许多|得不得了", 1.5, true},
};

// Words that contain a sense word but mean something else (高级 is not 高).
constexpr std::string_view kFillers =
    "好听|好的|不错|不同|不停|不断|老板|老家|老外|老是|老公|老婆|高级|高端|高档|高质量|高品质|高清|高效|高大|高手|"
    "高度|最高|低端|快要|快递|尽快|沉默|漂亮|仔细|详细|细节|full of|as well|at least|high quality|high end|"
    "fast food|old school|old fashioned|how old|not only|a lot";

// English inflections a term of three letters or more may carry (slow ->
// slowly, slower), and those of terms ending in y (angry -> angrily) or, from
// four letters, in e (gentle -> gentler; not she -> shed).
constexpr std::u32string_view kSuffixes[] = {U"s", U"es", U"ly", U"er", U"est", U"ed", U"ing", U"ness", U"ally"};
constexpr std::u32string_view kSuffixesAfterY[] = {U"ily", U"ier", U"iest", U"ies", U"ied", U"iness"};
constexpr std::u32string_view kSuffixesAfterE[] = {U"r", U"st", U"d"};

bool is_ascii_alpha(char32_t c) { return c >= U'a' && c <= U'z'; }  // text is lowercased
bool is_ascii_alnum(char32_t c) { return is_ascii_alpha(c) || (c >= U'0' && c <= U'9'); }

struct Term {
  std::u32string text;
  Match match;  // end is filled in per occurrence
  bool latin = false;
};

using Index = std::unordered_map<char32_t, std::vector<Term>>;

void add_terms(Index& index, std::string_view terms, const Match& match) {
  std::size_t start = 0;
  while (start <= terms.size()) {
    std::size_t bar = std::min(terms.find('|', start), terms.size());
    std::u32string text = utf8::decode(terms.substr(start, bar - start));
    start = bar + 1;
    assert(!text.empty());
    std::vector<Term>& bucket = index[text[0]];
    assert(std::none_of(bucket.begin(), bucket.end(), [&](const Term& t) { return t.text == text; }));
    bucket.push_back(Term{text, match, text[0] < 0x80});
  }
}

const Index& index() {
  static const Index built = [] {
    Index index;
    for (const SenseRow& row : kSenses) add_terms(index, row.terms, Match{Match::Kind::kSense, &row.sense});
    for (const ModifierRow& row : kModifiers) {
      add_terms(index, row.terms, Match{Match::Kind::kModifier, nullptr, row.factor, row.suffix});
    }
    add_terms(index, kFillers, Match{});
    return index;
  }();
  return built;
}

// Where text[pos] matches `term` character by character (a space in the
// term matches a run of separators), without any word-boundary check.
std::optional<std::size_t> match_chars(std::u32string_view text, std::size_t pos, std::u32string_view term) {
  std::size_t i = pos;
  for (char32_t c : term) {
    if (c == U' ') {
      if (i >= text.size() || !is_separator(text[i])) return std::nullopt;
      while (i < text.size() && is_separator(text[i])) ++i;
    } else {
      if (i >= text.size() || text[i] != c) return std::nullopt;
      ++i;
    }
  }
  return i;
}

// Where an inflected form of the Latin `term` (slowly, angrily) ends at
// text[pos]; the inflection must run to the end of the word.
std::optional<std::size_t> inflected_end(std::u32string_view text, std::size_t pos, std::u32string_view term) {
  struct Form {
    std::u32string_view stem;
    std::span<const std::u32string_view> suffixes;
  };
  if (term.size() < 3) return std::nullopt;
  Form forms[] = {{term, kSuffixes}, {}};
  if (term.back() == U'y') forms[1] = {term.substr(0, term.size() - 1), kSuffixesAfterY};
  if (term.back() == U'e' && term.size() >= 4) forms[1] = {term, kSuffixesAfterE};
  for (const Form& form : forms) {
    if (form.stem.empty()) continue;
    std::optional<std::size_t> stem_end = match_chars(text, pos, form.stem);
    if (!stem_end) continue;
    std::size_t end = *stem_end;
    while (end < text.size() && is_ascii_alpha(text[end])) ++end;
    std::u32string_view tail = text.substr(*stem_end, end - *stem_end);
    bool known = std::find(form.suffixes.begin(), form.suffixes.end(), tail) != form.suffixes.end();
    if (known && (end == text.size() || !is_ascii_alnum(text[end]))) return end;
  }
  return std::nullopt;
}

// Where `term` ends at text[pos]; `exact` tells whether it matched
// uninflected.
std::optional<std::size_t> term_end(std::u32string_view text, std::size_t pos, const Term& term, bool* exact) {
  *exact = true;
  if (std::optional<std::size_t> end = match_literal(text, pos, term.text)) return end;
  if (!term.latin || (pos > 0 && is_ascii_alnum(text[pos - 1]))) return std::nullopt;
  *exact = false;
  return inflected_end(text, pos, term.text);
}

}  // namespace

std::optional<double> Effect::at(Axis axis) const {
  switch (axis) {
    case Axis::kPitch:
      return pitch_st;
    case Axis::kRate:
      return rate;
    case Axis::kRange:
      return range;
    case Axis::kBreathiness:
      return breathiness;
    case Axis::kBrightness:
      return brightness;
    case Axis::kFormant:
      return formant;
  }
  return std::nullopt;
}

std::string_view dimension_name(Dimension d) {
  constexpr std::string_view kNames[] = {"gender", "age",    "pitch",  "pace",    "intonation",
                                         "volume", "emotion", "timbre", "use_case"};
  return kNames[static_cast<std::size_t>(d)];
}

bool is_primary(Dimension d, Axis axis) {
  switch (d) {
    case D::kPitch:
      return axis == Axis::kPitch;
    case D::kPace:
      return axis == Axis::kRate;
    case D::kIntonation:
      return axis == Axis::kRange;
    case D::kVolume:
      return axis == Axis::kBreathiness || axis == Axis::kBrightness;
    case D::kTimbre:
      return axis == Axis::kBreathiness || axis == Axis::kBrightness || axis == Axis::kFormant;
    default:
      return false;
  }
}

std::string_view gender_cue_name(GenderCue g) {
  constexpr std::string_view kNames[] = {"", "female", "male", "neutral"};
  return kNames[static_cast<std::size_t>(g)];
}

std::optional<std::size_t> match_literal(std::u32string_view text, std::size_t pos, std::u32string_view term) {
  if (term.empty() || (is_ascii_alnum(term.front()) && pos > 0 && is_ascii_alnum(text[pos - 1]))) return std::nullopt;
  std::optional<std::size_t> end = match_chars(text, pos, term);
  if (end && is_ascii_alnum(term.back()) && *end < text.size() && is_ascii_alnum(text[*end])) return std::nullopt;
  return end;
}

bool is_separator(char32_t c) { return c == U' ' || c == U'-' || c == U'_' || c == U'\t'; }

std::optional<Match> match_at(std::u32string_view text, std::size_t pos) {
  auto bucket = index().find(text[pos]);
  if (bucket == index().end()) return std::nullopt;
  std::optional<Match> best;
  bool best_exact = false;
  for (const Term& term : bucket->second) {
    bool exact = true;
    std::optional<std::size_t> end = term_end(text, pos, term, &exact);
    if (!end) continue;
    if (!best || *end > best->end || (*end == best->end && exact && !best_exact)) {
      best = term.match;
      best->end = *end;
      best_exact = exact;
    }
  }
  return best;
}

const Sense& age_sense(AgeBand band) {
  static const Sense kStated[] = {age(kChild), age(kTeen), age(kYoung), age(kMiddle), age(kElderly)};
  return kStated[static_cast<std::size_t>(band)];
}

}  // namespace voxwire::description
