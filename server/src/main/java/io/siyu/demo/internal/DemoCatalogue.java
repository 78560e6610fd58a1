package io.siyu.demo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The demo brand's catalogue: a beauty and lifestyle brand's products in eight categories. */
final class DemoCatalogue {

    record Product(
            String id,
            String name,
            String category,
            String brand,
            BigDecimal price,
            int stock,
            double rating,
            double popularity) {}

    record Category(String code, String name, double share, String[][] items) {}

    static final String BRAND = "花间集";

    /** Each item: name, price in yuan. Popularity falls with position inside a category. */
    static final List<Category> CATEGORIES = List.of(
            new Category("SK", "护肤", 0.30, new String[][] {
                {"玻尿酸保湿精华 30ml", "189"}, {"烟酰胺焕亮精华 30ml", "219"}, {"氨基酸洁面乳 120g", "69"},
                {"积雪草修护面霜 50g", "259"}, {"清透防晒乳 SPF50+ 50ml", "129"}, {"玫瑰补水面膜 10片", "99"},
                {"紧致抗皱眼霜 15g", "299"}, {"水润爽肤水 200ml", "119"}, {"舒缓保湿乳液 120ml", "139"},
                {"温和卸妆油 200ml", "109"}, {"维C亮肤精华 30ml", "239"}, {"修护冻膜 100g", "159"}
            }),
            new Category("MU", "彩妆", 0.22, new String[][] {
                {"丝绒雾面口红 #01 正红", "149"},
                {"丝绒雾面口红 #05 豆沙", "149"},
                {"持妆气垫粉底", "219"},
                {"大地色九宫格眼影盘", "179"},
                {"纤长卷翘睫毛膏", "89"},
                {"自然野生眉笔", "59"},
                {"蜜桃腮红", "99"},
                {"控油定妆散粉", "129"},
                {"水光唇釉 #03", "119"},
                {"遮瑕液", "99"}
            }),
            new Category("FR", "香氛", 0.10, new String[][] {
                {"栀子花淡香水 50ml", "399"}, {"白茶淡香水 50ml", "399"}, {"木质调车载香薰", "129"},
                {"无火香薰 200ml", "159"}, {"大豆蜡香薰蜡烛", "139"}, {"旅行香水套装", "259"}
            }),
            new Category("PC", "个护", 0.14, new String[][] {
                {"氨基酸洗发水 500ml", "79"}, {"丝滑护发素 500ml", "79"}, {"香氛沐浴露 500ml", "69"},
                {"烟酰胺身体乳 250ml", "99"}, {"樱花护手霜 3支装", "59"}, {"美白牙膏 2支装", "49"},
                {"头皮精华液", "159"}
            }),
            new Category("BB", "母婴", 0.07, new String[][] {
                {"婴儿润肤乳 200ml", "89"}, {"宝宝洗发沐浴二合一", "79"}, {"孕妇护肤套装", "399"}, {"婴儿护臀膏", "59"}, {"儿童防晒乳", "99"}
            }),
            new Category("WL", "健康", 0.08, new String[][] {
                {"胶原蛋白肽饮 10瓶", "199"}, {"益生菌冻干粉 30袋", "169"}, {"维生素C泡腾片", "49"}, {"即食燕窝 6瓶", "399"}, {"酵素梅 2袋", "59"}
            }),
            new Category("HM", "家居", 0.04, new String[][] {
                {"真丝眼罩", "129"}, {"化妆刷套装 12支", "159"}, {"亚克力收纳盒", "79"}, {"美容仪", "699"}
            }),
            new Category("GS", "礼盒", 0.05, new String[][] {
                {"双十一限定护肤礼盒", "599"}, {"七夕口红礼盒", "399"}, {"新年香氛礼盒", "459"}, {"母亲节焕颜礼盒", "529"}
            }));

    private DemoCatalogue() {}

    static List<Product> products() {
        var products = new ArrayList<Product>();
        for (var category : CATEGORIES) {
            for (int i = 0; i < category.items().length; i++) {
                var item = category.items()[i];
                var popularity = category.share() / (1.0 + i * 0.35);
                products.add(new Product(
                        "HJ-" + category.code() + String.format("%03d", i + 1),
                        item[0],
                        category.name(),
                        BRAND,
                        new BigDecimal(item[1]),
                        200 + (i * 137) % 1800,
                        4.2 + ((i * 7) % 8) / 10.0,
                        popularity));
            }
        }
        return products;
    }
}
