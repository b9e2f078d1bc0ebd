#include "text/mandarin.h"

#include <gtest/gtest.h>

namespace voxwire::text {
namespace {

struct Case {
  const char* sentence;
  const char* pinyin;  // how the polyphonic word is spoken there (after tone sandhi)
};

// One sentence per reading, each putting a polyphonic character in the
// context that decides it.
constexpr Case kCases[] = {
    {"我去银行取钱。", "yin2hang2"},         {"他在金融行业工作。", "hang2ye4"},
    {"行长今天开会。", "hang2zhang3"},       {"我们是同行。", "tong2hang2"},
    {"请站成两行列队。", "liang3hang2"},       {"这首歌在排行榜第一。", "pai2hang2"},
    {"他对做菜很内行。", "nei4hang2"},       {"我是外行，不太懂。", "wai4hang2"},
    {"最近的房价行情不好。", "hang2qing2"},  {"各行各业都在发展。", "ge4hang2ge4ye4"},
    {"他在路上行走。", "xing2zou3"},         {"孩子长大了。", "zhang3da4"},
    {"每个人都在成长。", "cheng2zhang3"},    {"植物生长需要阳光。", "sheng1zhang3"},
    {"校长讲话了。", "xiao4zhang2"},         {"部长出席了会议。", "bu4zhang3"},
    {"市长视察工作。", "shi4zhang3"},        {"她是我们的班长。", "ban1zhang3"},
    {"请家长签字。", "jia1zhang3"},          {"收入增长很快。", "zeng1zhang2"},
    {"队长下了命令。", "dui4zhang3"},        {"院长去开会了。", "yuan4zhang3"},
    {"董事长发表讲话。", "dong3shi4zhang3"}, {"要尊重长辈。", "zhang3bei4"},
    {"我们去爬长城。", "chang2cheng2"},      {"这条绳子的长度够吗？", "chang2du4"},
    {"请重新输入密码。", "chong2xin1"},      {"不要重复同样的错误。", "chong2fu4"},
    {"重庆的火锅很有名。", "chong2qing4"},   {"两张图片重叠了。", "chong2die2"},
    {"比赛明天重播。", "chong2bo1"},         {"地震后开始重建。", "chong2jian4"},
    {"老朋友终于重逢。", "chong2feng2"},     {"这件事很重要。", "zhong4yao4"},
    {"这个箱子的重量是多少？", "zhong4liang4"}, {"他还钱了吗？", "huan2qian2"},
    {"请按时归还图书。", "gui1huan2"},       {"每月还款一次。", "huan2kuan3"},
    {"他偿还了所有债务。", "chang2huan2"},   {"押金会退还给你。", "tui4huan2"},
    {"现场已经还原。", "huan2yuan2"},        {"我还有一个问题。", "hai2you3"},
    {"我喜欢听音乐。", "yin1yue4"},          {"他会演奏很多乐器。", "yue4qi4"},
    {"这支乐队很受欢迎。", "yue4dui4"},      {"这首乐曲很优美。", "yue4qu2"},
    {"交响乐团来演出。", "yue4tuan2"},       {"祝你生日快乐！", "kuai4le4"},
    {"我得到了一本书。", "de2dao4"},         {"他获得了冠军。", "huo4de2"},
    {"我们取得了进步。", "qu3de2"},          {"他这场得分最高。", "de2fen1"},
    {"这本书值得一读。", "zhi2de5"},         {"我觉得很好。", "jue2de5"},
    {"你还记得我吗？", "ji4de5"},            {"他懂得感恩。", "dong3de5"},
    {"时间不早了，我得走了。", "dei2zou3"},  {"明天我得去医院。", "dei3qu4"},
    {"这个地方很美。", "di4fang1"},          {"土地很肥沃。", "tu3di4"},
    {"打开地图看看。", "di4tu2"},            {"他慢慢地走过来。", "man4man4de5"},
    {"她认真地听讲。", "ren4zhen1de5"},      {"孩子们高兴地笑了。", "gao1xing4de5"},
    {"北京是中国的首都。", "shou3du1"},      {"这是一座现代都市。", "du1shi4"},
    {"我下周去成都。", "cheng2du1"},         {"他的数学很好。", "shu4xue2"},
    {"请输入数字。", "shu4zi4"},             {"这些数据很重要。", "shu4ju4"},
    {"你数一数有几个。", "shu3yi5shu3"},     {"他在数钱。", "shu3qian2"},
    {"天上的星星数不清。", "shu3bu4qing1"},  {"因为下雨，比赛取消了。", "yin1wei4"},
    {"为了健康，他每天跑步。", "wei4le5"},   {"我认为你是对的。", "ren4wei2"},
    {"她想成为医生。", "cheng2wei2"},        {"作为老师，他很负责。", "zuo4wei2"},
    {"我以为你走了。", "yi3wei2"},           {"这种行为不对。", "xing2wei2"},
    {"你为什么不来？", "wei4shen2me5"},      {"孩子睡着了。", "shui4zhao2"},
    {"别着急，慢慢来。", "zhao2ji2"},        {"房子着火了！", "zhao2huo3"},
    {"小心别着凉。", "zhao2liang2"},         {"飞机安全着陆。", "zhuo2lu4"},
    {"我们马上着手准备。", "zhuo2shou2"},    {"他看着窗外。", "kan4zhe5"},
    {"我想了解一下情况。", "liao2jie3"},     {"你真了不起！", "liao3bu5qi3"},
    {"天太热了，受不了。", "shou4bu4liao3"}, {"今天很暖和。", "nuan3huo5"},
    {"人们都希望和平。", "he2ping2"},        {"这件衣服很便宜。", "pian2yi5"},
    {"坐地铁很方便。", "fang1bian4"},        {"你随便坐。", "sui2bian4"},
    {"把空调打开。", "kong1tiao2"},          {"计划需要调整。", "tiao2zheng3"},
    {"警方正在调查。", "diao4cha2"},         {"他的工作调动了。", "diao4dong4"},
    {"汉语有四个声调。", "sheng1diao4"},     {"老师强调了重点。", "qiang2diao4"},
    {"这个孩子很调皮。", "tiao2pi2"},        {"双方需要协调。", "xie2tiao2"},
    {"我想去西藏旅游。", "xi1zang4"},        {"他们找到了宝藏。", "bao3zang4"},
    {"她是藏族人。", "zang4zu2"},            {"他隐藏了真相。", "yin3cang2"},
    {"我喜欢收藏邮票。", "shou1cang2"},      {"唐朝是一个伟大的朝代。", "chao2dai4"},
    {"朝鲜半岛在亚洲。", "chao2xian3"},      {"年轻人充满朝气。", "zhao1qi4"},
    {"早上的朝阳很美。", "zhao1yang2"},      {"今朝有酒今朝醉。", "jin1zhao1"},
    {"我在读一本传记。", "zhuan4ji4"},       {"他写了一本自传。", "zi4zhuan4"},
    {"这是一个古老的传说。", "chuan2shuo1"}, {"春节是传统节日。", "chuan2tong3"},
    {"他的确很努力。", "di2que4"},           {"你来这里的目的是什么？", "mu4di4"},
    {"我们坐的士去吧。", "di1shi4"},         {"该睡觉了。", "shui4jiao4"},
    {"我的爱好是画画。", "ai4hao4"},         {"孩子对一切都很好奇。", "hao4qi2"},
    {"他下周出差。", "chu1chai1"},           {"两个方案差不多。", "cha4bu5duo1"},
    {"这两者没有差别。", "cha1bie2"},        {"这件事由我来处理。", "chu2li3"},
    {"到处都是人。", "dao4chu4"},            {"他在学校教书。", "jiao1shu1"},
    {"教育很重要。", "jiao4yu4"},            {"房间很干净。", "gan1jing4"},
    {"大家一起干活。", "gan4huo2"},          {"他几乎没睡。", "ji1hu1"},
    {"下周开始放假。", "fang4jia4"},         {"我们去种树吧。", "zhong4shu4"},
    {"把种子埋进土里。", "zhong3zi5"},       {"他在电影里的角色很好。", "jue2se4"},
    {"我喜欢薄荷糖。", "bo4he5"},            {"他提出了要求。", "yao1qiu2"},
    {"她的头发很长。", "tou2fa5"},           {"我去理发了。", "li3fa4"},
    {"我们商量一下。", "shang1liang5"},      {"敌人投降了。", "tou2xiang2"},
    {"他勉强同意了。", "mian2qiang3"},       {"他在反省自己。", "fan2xing3"},
    {"他的模样没变。", "mu2yang4"},          {"明星很少露面。", "lou4mian4"},
    {"市场供给充足。", "gong1ji3"},
};

TEST(Polyphones, EachWordIsReadForItsContext) {
  for (const Case& c : kCases) {
    EXPECT_NE(annotate_mandarin(c.sentence).find(c.pinyin), std::string::npos)
        << c.sentence << " -> " << annotate_mandarin(c.sentence);
  }
  EXPECT_GE(std::size(kCases), 100u);
}

TEST(Polyphones, TheRestOfTheSentenceStaysAsWritten) {
  EXPECT_EQ(annotate_mandarin("我去银行取钱。"), "我去yin2hang2取钱。");
  EXPECT_EQ(annotate_mandarin("银行为什么关门？"), "yin2hang2 wei4shen2me5关门？");  // longest match first
  EXPECT_EQ(annotate_mandarin("今天天气真不错。"), "今天天气真bu2错。");  // only 不 is spelled out
  EXPECT_EQ(annotate_mandarin(""), "");
}

struct Spoken {
  const char* text;
  const char* spoken;  // what the engine is given
};

// Tone sandhi as the engine receives it: changed syllables and every 一 and 不
// spelled in pinyin, the rest as written.
constexpr Spoken kSandhi[] = {
    // 不: second tone before a fourth, neutral in A不A, fourth otherwise.
    {"不对", "bu2对"},               {"他不是老师", "他bu2是老师"},   {"不好", "bu4好"},
    {"不来", "bu4来"},               {"不吃", "bu4吃"},               {"我不", "我bu4"},
    {"好不好", "好bu5好"},           {"是不是", "是bu5是"},           {"不知不觉", "bu4知bu4觉"},
    // 一: second tone before a fourth, fourth before the others, first where it is a number.
    {"一个", "yi2个"},               {"一样", "yi2样"},               {"一万", "yi2万"},
    {"一天", "yi4天"},               {"一年", "yi4年"},               {"一起", "yi4起"},
    {"一百", "yi4百"},               {"一点儿", "yi4点儿"},           {"一心一意", "yi4心yi2意"},
    {"第一", "第yi1"},               {"十一", "十yi1"},               {"一一零", "yi1yi1零"},
    {"一点五", "yi1dian2五"},        {"统一", "统yi1"},               {"一月一日", "yi1月yi1日"},
    {"一号", "yi1号"},               {"看一看", "看yi5看"},           {"一", "yi1"},
    // 3-3: inside a word on the written tones, across words on the spoken ones.
    {"你好", "ni2好"},               {"很好", "hen2好"},              {"展览馆", "zhan2lan2馆"},
    {"我很好", "我hen2好"},          {"我想买水果", "我xiang2买shui2果"}, {"老鼠", "lao2鼠"},
    {"请给我五把雨伞", "请gei2我wu2把yu2伞"},
    // No sandhi across punctuation, before neutral tones or doubled characters.
    {"好，好", "好，好"},            {"姐姐很好", "姐姐hen2好"},      {"椅子", "椅子"},
    {"我们", "我们"},                {"Python很好", "Python hen2好"},
};

TEST(ToneSandhi, IsAppliedToWhatTheEngineReads) {
  for (const Spoken& c : kSandhi) EXPECT_EQ(annotate_mandarin(c.text), c.spoken) << c.text;
}

TEST(ToneSandhi, CombinesWithThePolyphoneLexicon) {
  EXPECT_EQ(annotate_mandarin("我想了解一下"), "wo2想liao2jie3 yi2下");
  EXPECT_EQ(annotate_mandarin("你数一数"), "ni2 shu3yi5shu3");
}

TEST(Polyphones, TheLexiconCoversTheCommonPolyphones) { EXPECT_GE(polyphone_lexicon_size(), 100u); }

}  // namespace
}  // namespace voxwire::text
