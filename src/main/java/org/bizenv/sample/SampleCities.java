package org.bizenv.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The 36 key cities of the evaluation, in the order of docs (domain.md), and the 14 cities the 50-city edition
 * adds, with what the synthetic world needs to know about them.
 *
 * <p>{@code populationWan} (resident population, 10k people, rounded) and {@code development} (0..1) are
 * <b>latent inputs of the synthetic data only</b>: approximate orders of magnitude that make big cities have
 * more firms and richer cities more R&amp;D. They are not official figures and are never written as data.
 */
final class SampleCities {

    /** One city: {@code code} is the lowercase pinyin slug used by indicators/cities-36.csv and cities-50.csv. */
    record City(String code, String nameZh, String nameEn, String type, String region,
                int populationWan, double development, List<String> aliases) {
    }

    static final List<City> ALL = List.of(
            city("beijing", "北京", "Beijing", "municipality", "east", 2184, 0.95),
            city("tianjin", "天津", "Tianjin", "municipality", "east", 1363, 0.70),
            city("shijiazhuang", "石家庄", "Shijiazhuang", "provincial-capital", "east", 1122, 0.50),
            city("taiyuan", "太原", "Taiyuan", "provincial-capital", "central", 543, 0.54),
            city("hohhot", "呼和浩特", "Hohhot", "provincial-capital", "west", 355, 0.50, "Huhehaote"),
            city("shenyang", "沈阳", "Shenyang", "provincial-capital", "northeast", 915, 0.58),
            city("dalian", "大连", "Dalian", "separately-planned", "northeast", 745, 0.64),
            city("changchun", "长春", "Changchun", "provincial-capital", "northeast", 907, 0.55),
            city("harbin", "哈尔滨", "Harbin", "provincial-capital", "northeast", 988, 0.50),
            city("shanghai", "上海", "Shanghai", "municipality", "east", 2475, 0.97),
            city("nanjing", "南京", "Nanjing", "provincial-capital", "east", 949, 0.88),
            city("hangzhou", "杭州", "Hangzhou", "provincial-capital", "east", 1238, 0.90),
            city("ningbo", "宁波", "Ningbo", "separately-planned", "east", 962, 0.82),
            city("hefei", "合肥", "Hefei", "provincial-capital", "central", 963, 0.74),
            city("fuzhou", "福州", "Fuzhou", "provincial-capital", "east", 845, 0.71),
            city("xiamen", "厦门", "Xiamen", "separately-planned", "east", 531, 0.84),
            city("nanchang", "南昌", "Nanchang", "provincial-capital", "central", 654, 0.60),
            city("jinan", "济南", "Jinan", "provincial-capital", "east", 941, 0.72),
            city("qingdao", "青岛", "Qingdao", "separately-planned", "east", 1034, 0.78),
            city("zhengzhou", "郑州", "Zhengzhou", "provincial-capital", "central", 1283, 0.68),
            city("wuhan", "武汉", "Wuhan", "provincial-capital", "central", 1374, 0.80),
            city("changsha", "长沙", "Changsha", "provincial-capital", "central", 1042, 0.76),
            city("guangzhou", "广州", "Guangzhou", "provincial-capital", "east", 1873, 0.90),
            city("shenzhen", "深圳", "Shenzhen", "separately-planned", "east", 1766, 0.96),
            city("nanning", "南宁", "Nanning", "provincial-capital", "west", 889, 0.52),
            city("haikou", "海口", "Haikou", "provincial-capital", "east", 293, 0.55),
            city("chongqing", "重庆", "Chongqing", "municipality", "west", 3213, 0.66),
            city("chengdu", "成都", "Chengdu", "provincial-capital", "west", 2127, 0.79),
            city("guiyang", "贵阳", "Guiyang", "provincial-capital", "west", 622, 0.56),
            city("kunming", "昆明", "Kunming", "provincial-capital", "west", 860, 0.57),
            city("lhasa", "拉萨", "Lhasa", "provincial-capital", "west", 87, 0.38),
            city("xian", "西安", "Xi'an", "provincial-capital", "west", 1299, 0.70, "Xian", "Xi’an"),
            city("lanzhou", "兰州", "Lanzhou", "provincial-capital", "west", 442, 0.45),
            city("xining", "西宁", "Xining", "provincial-capital", "west", 248, 0.42),
            city("yinchuan", "银川", "Yinchuan", "provincial-capital", "west", 289, 0.48),
            city("urumqi", "乌鲁木齐", "Urumqi", "provincial-capital", "west", 408, 0.47, "Ürümqi", "Wulumuqi"));

    /**
     * The 14 prefecture-level cities indicators/cities-50.csv adds to the 36 (same order): Suzhou, Wuxi and Jinhua
     * are named in coverage of the 2023 edition, the other 11 are an illustrative choice (the official list of 50
     * is not in our sources). Latent inputs as above: rough orders of magnitude, never written as data.
     */
    static final List<City> ADDED_FOR_50 = List.of(
            city("suzhou", "苏州", "Suzhou", "prefecture-level", "east", 1275, 0.86),
            city("wuxi", "无锡", "Wuxi", "prefecture-level", "east", 747, 0.84),
            city("jinhua", "金华", "Jinhua", "prefecture-level", "east", 705, 0.66),
            city("changzhou", "常州", "Changzhou", "prefecture-level", "east", 528, 0.76),
            city("foshan", "佛山", "Foshan", "prefecture-level", "east", 950, 0.80),
            city("dongguan", "东莞", "Dongguan", "prefecture-level", "east", 1047, 0.78),
            city("quanzhou", "泉州", "Quanzhou", "prefecture-level", "east", 878, 0.68),
            city("wenzhou", "温州", "Wenzhou", "prefecture-level", "east", 957, 0.66),
            city("wuhu", "芜湖", "Wuhu", "prefecture-level", "central", 364, 0.62),
            city("luoyang", "洛阳", "Luoyang", "prefecture-level", "central", 706, 0.52),
            city("yichang", "宜昌", "Yichang", "prefecture-level", "central", 401, 0.55),
            city("mianyang", "绵阳", "Mianyang", "prefecture-level", "west", 487, 0.54),
            city("liuzhou", "柳州", "Liuzhou", "prefecture-level", "west", 416, 0.50),
            city("daqing", "大庆", "Daqing", "prefecture-level", "northeast", 278, 0.48));

    /** The 50 cities of indicators/cities-50.csv, in its order: the 36, then the 14 additions. */
    static final List<City> FIFTY = java.util.stream.Stream.concat(ALL.stream(), ADDED_FOR_50.stream()).toList();

    private SampleCities() {
    }

    private static City city(String code, String zh, String en, String type, String region, int pop, double dev,
                             String... aliases) {
        return new City(code, zh, en, type, region, pop, dev, List.of(aliases));
    }

    /**
     * The city's name as a person would type it into a spreadsheet or a web form. With probability
     * {@code 1 - variantRate} the plain Chinese name; otherwise one of: the Chinese name with 市, the English
     * name, the lowercase pinyin, a listed alias (Xi’an, Ürümqi, Wulumuqi, Huhehaote…), each possibly with
     * stray spaces or in full-width characters. Every form is resolvable to exactly one city by: Unicode NFKC,
     * trimming, lower-casing, ’ → ', dropping a trailing 市, then matching the Chinese name, English name, code
     * or an alias.
     */
    static String typedName(City c, SplittableRandom r, double variantRate, boolean latinAllowed) {
        String base;
        if (r.nextDouble() >= variantRate) {
            base = c.nameZh();
        } else if (!latinAllowed || r.nextDouble() < 0.45) {
            base = c.nameZh() + "市";
        } else {
            int pick = r.nextInt(2 + c.aliases().size());
            base = pick == 0 ? c.nameEn() : pick == 1 ? c.code() : c.aliases().get(pick - 2);
        }
        double d = r.nextDouble();
        if (d < 0.10) {
            return base + " ";                       // a trailing space, the most common slip
        } else if (d < 0.14) {
            return " " + base;
        } else if (d < 0.17) {
            return fullWidth(base);
        }
        return base;
    }

    /** Full-width form: Latin letters and digits to their full-width forms, Chinese text padded with 　 (U+3000). */
    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        boolean latin = false;
        for (char ch : s.toCharArray()) {
            if (ch >= '!' && ch <= '~') {
                b.append((char) (ch - '!' + '！'));
                latin = true;
            } else {
                b.append(ch);
            }
        }
        return latin ? b.toString() : s + "　";
    }
}
