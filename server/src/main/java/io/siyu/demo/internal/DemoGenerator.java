package io.siyu.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the demo brand's customers and everything they did, as the Segment messages a shop would have sent.
 *
 * <p>Purchases follow the BG/NBD buyer model (Fader, Hardie and Lee 2005), so that lifetime-value models fitted later
 * find the structure they assume: while active, a buyer purchases as a Poisson process with a rate drawn from a
 * gamma distribution, and after each purchase leaves for good with a probability drawn from a beta distribution.
 * Seasonality enters by thinning: candidate purchases are drawn at the peak rate and kept in proportion to the day's
 * {@link DemoCalendar#busyness}. Acquisition grows over the year and peaks at festivals too.
 *
 * <p>Every customer draws from a generator seeded with (seed, customer number), so a customer's history does not
 * depend on how many others there are, and the same seed and end date always give the same messages.
 */
final class DemoGenerator {

    record Settings(long seed, LocalDate endDate, int customers, ZoneId zone) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter ORDER_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int DAYS = 365;

    private static final String[] CHANNELS = {"wechat", "douyin", "xiaohongshu", "web"};
    private static final double[] CHANNEL_SHARE = {0.40, 0.25, 0.20, 0.15};
    private static final double[] REGISTRATION = {0.85, 0.55, 0.50, 0.70};
    private static final String[] LIBRARIES = {
        "analytics-wechat-miniprogram", "analytics-douyin-miniprogram", "analytics-xhs-miniprogram", "analytics.js"
    };
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈").split("");
    private static final String[] FEMALE = "婷雨欣怡静敏丽佳晓雪琳颖思梦诗雅慧洁萱瑶悦妍可心宁月晨涵然菲".split("");
    private static final String[] MALE = "伟强磊军勇杰涛浩宇鹏俊博泽晨阳帆凯鑫毅航".split("");
    private static final String[][] CITIES = {
        {"上海", "上海", "1"}, {"北京", "北京", "1"}, {"广州", "广东", "1"}, {"深圳", "广东", "1"},
        {"杭州", "浙江", "2"}, {"成都", "四川", "2"}, {"南京", "江苏", "2"}, {"武汉", "湖北", "2"},
        {"苏州", "江苏", "2"}, {"西安", "陕西", "2"}, {"重庆", "重庆", "2"}, {"长沙", "湖南", "2"},
        {"天津", "天津", "2"}, {"郑州", "河南", "2"}, {"青岛", "山东", "2"}, {"厦门", "福建", "3"},
        {"合肥", "安徽", "3"}, {"昆明", "云南", "3"}, {"宁波", "浙江", "3"}, {"佛山", "广东", "3"},
        {"南宁", "广西", "3"}, {"温州", "浙江", "3"}, {"洛阳", "河南", "4"}, {"绵阳", "四川", "4"}
    };
    private static final double[] CITY_WEIGHT = {
        12, 10, 8, 8, 7, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1.5, 1.5, 1, 1
    };
    private static final String[] PAGES = {"首页", "分类页", "活动会场", "搜索结果", "品牌故事", "会员中心"};

    private final Settings settings;
    private final Instant start;
    private final Instant end;
    private final List<DemoCatalogue.Product> products;
    private final double[] acquisitionWeights;

    DemoGenerator(Settings settings) {
        this.settings = settings;
        this.end = settings.endDate().atStartOfDay(settings.zone()).toInstant();
        this.start =
                settings.endDate().minusDays(DAYS).atStartOfDay(settings.zone()).toInstant();
        this.products = DemoCatalogue.products();
        this.acquisitionWeights = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            var day = settings.endDate().minusDays(DAYS - d);
            // a growing brand: twice as many newcomers at the end of the year as at its start
            acquisitionWeights[d] = (1.0 + d / (double) DAYS) * DemoCalendar.busyness(day);
        }
    }

    List<DemoCatalogue.Product> products() {
        return products;
    }

    /** Every message of one customer, in the order they happened. */
    List<ObjectNode> customer(int index) {
        return new CustomerStory(index).tell();
    }

    private final class CustomerStory {
        private final int index;
        private final UniformRandomProvider rng;
        private final ZigguratSampler.NormalizedGaussian gaussian;
        private final List<ObjectNode> messages = new ArrayList<>();
        private final int channel;
        private final String userId;
        private final String anonymousId;
        private final boolean female;
        private int sequence;
        private int orders;
        private Instant registeredAt;
        private List<DemoCatalogue.Product> favourites;

        CustomerStory(int index) {
            this.index = index;
            // A single long seed is expanded into the generator's state by SplitMix64; raw small seeds used as the
            // state directly would make the first draws of neighbouring customers nearly identical.
            this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(settings.seed() * 0x9E3779B97F4A7C15L + index);
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            this.channel = pick(CHANNEL_SHARE);
            this.userId = "U" + (100_000 + index);
            this.anonymousId = uuid();
            this.female = rng.nextDouble() < 0.78;
        }

        List<ObjectNode> tell() {
            var acquiredAt = acquisitionTime();
            favourites = favouriteProducts();
            var engagement =
                    AhrensDieterMarsagliaTsangGammaSampler.of(rng, 1.5, 1.0).sample();
            visit(acquiredAt, true);
            var registers = rng.nextDouble() < REGISTRATION[channel];
            if (registers) {
                registeredAt = acquiredAt.plusSeconds(60 + rng.nextInt(1800));
                register(registeredAt);
            }
            var lastActive = acquiredAt.plus(
                    days(AhrensDieterExponentialSampler.of(rng, 60).sample()));
            if (registers && rng.nextDouble() < 0.55) {
                lastActive = purchases(acquiredAt, lastActive);
            }
            var sessions = Math.min(40, PoissonSampler.of(rng, 2.5 * engagement).sample());
            var activeUntil = min(end, lastActive.plus(Duration.ofDays(30)));
            for (int s = 0; s < sessions; s++) {
                var at = seasonalTime(acquiredAt, activeUntil);
                if (at != null) {
                    visit(at, false);
                }
            }
            if (registers) {
                secondDevice(activeUntil);
                otherPlatform(activeUntil);
            }
            messages.sort(Comparator.comparing(m -> m.get("timestamp").asString()));
            return messages;
        }

        private Instant acquisitionTime() {
            var day = AliasMethodDiscreteSampler.of(rng, acquisitionWeights).sample();
            return start.plus(Duration.ofDays(day)).plus(timeOfDay());
        }

        private Duration timeOfDay() {
            // evenings are busiest: 8:00 to 23:59 with a peak after dinner
            var hour = 8 + (int) Math.min(15, Math.abs(gaussian.sample() * 4 + 12));
            return Duration.ofHours(hour).plusMinutes(rng.nextInt(60)).plusSeconds(rng.nextInt(60));
        }

        private Instant seasonalTime(Instant from, Instant until) {
            if (!until.isAfter(from)) {
                return null;
            }
            var span = Duration.between(from, until).toSeconds();
            for (int attempt = 0; attempt < 20; attempt++) {
                var at = from.plusSeconds((long) (rng.nextDouble() * span));
                if (rng.nextDouble() * DemoCalendar.PEAK < DemoCalendar.busyness(day(at))) {
                    return at;
                }
            }
            return null;
        }

        /**
         * BG/NBD purchases: the first soon after arrival, repeats at the customer's own rate, thinned by season,
         * until the customer drops out after some purchase.
         */
        private Instant purchases(Instant acquiredAt, Instant lastActive) {
            var lambdaPerDay = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.8, 1.0 / 70)
                    .sample();
            var dropout = ChengBetaSampler.of(rng, 1.2, 4.0).sample();
            var at = registeredAt.plus(
                    days(AhrensDieterExponentialSampler.of(rng, 4).sample()));
            var gap = AhrensDieterExponentialSampler.of(rng, 1.0 / (lambdaPerDay * DemoCalendar.PEAK));
            var latest = lastActive;
            while (at.isBefore(end)) {
                if (rng.nextDouble() * DemoCalendar.PEAK < DemoCalendar.busyness(day(at))) {
                    order(at);
                    latest = at;
                    if (rng.nextDouble() < dropout) {
                        break;
                    }
                }
                at = at.plus(days(gap.sample()));
            }
            return latest.isAfter(lastActive) ? latest : lastActive;
        }

        private void visit(Instant at, boolean arrival) {
            var t = at;
            var context = context(arrival);
            var pages = 1 + rng.nextInt(3);
            for (int p = 0; p < pages; p++) {
                var page = message("page", t, context);
                var name = arrival && p == 0 ? "活动会场" : PAGES[rng.nextInt(PAGES.length)];
                page.put("name", name);
                page.putObject("properties").put("title", name).put("path", "/" + (name.hashCode() & 0xff));
                t = t.plusSeconds(5 + rng.nextInt(60));
            }
            var viewed = 1 + rng.nextInt(4);
            DemoCatalogue.Product last = null;
            for (int v = 0; v < viewed; v++) {
                last = product();
                var event = track("Product Viewed", t, context);
                productProperties(event.putObject("properties"), last);
                t = t.plusSeconds(10 + rng.nextInt(120));
            }
            if (rng.nextDouble() < 0.25) {
                var added = track("Product Added", t, context);
                productProperties(added.putObject("properties"), last).put("quantity", 1);
                t = t.plusSeconds(20 + rng.nextInt(90));
                if (isRegistered(t) && rng.nextDouble() < 0.3) {
                    // an abandoned checkout: started, never completed
                    var checkout = track("Checkout Started", t, context);
                    var properties = checkout.putObject("properties");
                    properties.put("value", last.price());
                    properties.put("currency", "CNY");
                    productProperties(properties.putArray("products").addObject(), last)
                            .put("quantity", 1);
                }
            }
            if (rng.nextDouble() < 0.06) {
                track("Product Shared", t.plusSeconds(30), context)
                        .putObject("properties")
                        .put("product_id", last.id())
                        .put("share_via", rng.nextBoolean() ? "wechat_friend" : "moments");
            }
            if (rng.nextDouble() < 0.08) {
                track("Content Liked", t.plusSeconds(40), context)
                        .putObject("properties")
                        .put("content_id", "note-" + (1 + rng.nextInt(300)));
            }
            if (rng.nextDouble() < 0.03) {
                track("Comment Posted", t.plusSeconds(50), context)
                        .putObject("properties")
                        .put("content_id", "note-" + (1 + rng.nextInt(300)))
                        .put("length", 10 + rng.nextInt(200));
            }
            if ((channel == 1 || channel == 2) && rng.nextDouble() < 0.12) {
                track("Live Room Joined", t.plusSeconds(60), context)
                        .putObject("properties")
                        .put("room_id", "live-" + day(t).format(ORDER_DAY))
                        .put("host", channel == 1 ? "花间集官方直播间" : "花间集小红书直播");
            }
        }

        private void register(Instant at) {
            var identify = message("identify", at, context(false));
            identify.put("userId", userId);
            var traits = identify.putObject("traits");
            var surname = SURNAMES[rng.nextInt(SURNAMES.length)];
            var given = female ? FEMALE : MALE;
            var name = surname
                    + given[rng.nextInt(given.length)]
                    + (rng.nextBoolean() ? given[rng.nextInt(given.length)] : "");
            traits.put("name", name);
            traits.put("gender", female ? "female" : "male");
            var age = (int) Math.max(18, Math.min(60, 28 + gaussian.sample() * 7));
            var birthday = day(at).minusYears(age).minusDays(rng.nextInt(365));
            traits.put("birthday", birthday.toString());
            var city = CITIES[pick(CITY_WEIGHT)];
            traits.put("city", city[0]);
            traits.put("province", city[1]);
            traits.put("city_tier", Integer.parseInt(city[2]));
            traits.put("channel", CHANNELS[channel]);
            traits.put("phone", phone());
            if (rng.nextDouble() < 0.35) {
                traits.put("email", "hj" + (700_000 + index * 7L) + "@example.com");
            }
            switch (channel) {
                case 0 -> {
                    traits.put("wechat_openid", "oHJ" + token(25));
                    traits.put("wechat_unionid", "uHJ" + token(25));
                }
                case 1 -> traits.put("douyin_openid", "dy" + token(30));
                case 2 -> traits.put("xiaohongshu_id", "xhs" + token(20));
                default -> {}
            }
            traits.put("member_level", "普通会员");
            consent(identify, at);
        }

        /**
         * What the customer agreed to when signing up (the shop's consent dialog: SMS and WeChat messages mostly yes,
         * e-mail for those who gave one), and for a few, a later change of mind: SMS turned off, or everything withdrawn.
         */
        private void consent(ObjectNode identify, Instant at) {
            var preferences =
                    identify.withObject("context").putObject("consent").putObject("categoryPreferences");
            preferences.put("sms", rng.nextDouble() < 0.72);
            if (identify.path("traits").has("email")) {
                preferences.put("email", rng.nextDouble() < 0.6);
            }
            if (channel == 0) {
                preferences.put("wechat", rng.nextDouble() < 0.85);
            }
            preferences.put("push", rng.nextDouble() < 0.45);
            if (rng.nextDouble() < 0.08) {
                var later = seasonalTime(at.plus(Duration.ofDays(3)), end);
                if (later != null) {
                    var changed = track("Segment Consent Preference Updated", later, context(false));
                    var after =
                            changed.withObject("context").putObject("consent").putObject("categoryPreferences");
                    if (rng.nextDouble() < 0.8) {
                        after.put("sms", false);
                    }
                }
            }
        }

        private void order(Instant at) {
            var context = context(false);
            var day = day(at);
            var lines = 1 + (rng.nextDouble() < 0.35 ? 1 : 0) + (rng.nextDouble() < 0.1 ? 1 : 0);
            var chosen = new ArrayList<DemoCatalogue.Product>();
            for (int l = 0; l < lines; l++) {
                var product = product();
                if (DemoCalendar.festival(day) && rng.nextDouble() < 0.15) {
                    product = products.stream()
                            .filter(p -> p.category().equals("礼盒"))
                            .toList()
                            .get(rng.nextInt(4));
                }
                if (!chosen.contains(product)) {
                    chosen.add(product);
                }
            }
            var t = at;
            for (var product : chosen) {
                productProperties(track("Product Viewed", t, context).putObject("properties"), product);
                t = t.plusSeconds(20 + rng.nextInt(60));
                productProperties(track("Product Added", t, context).putObject("properties"), product)
                        .put("quantity", 1);
                t = t.plusSeconds(10 + rng.nextInt(40));
            }
            orders++;
            var orderId = "HJ" + day.format(ORDER_DAY) + "-" + String.format("%06d%02d", index, orders);
            var factor = BigDecimal.valueOf(DemoCalendar.discount(day));
            var subtotal = BigDecimal.ZERO;
            var completed = track("Order Completed", t.plusSeconds(60 + rng.nextInt(120)), context);
            var properties = completed.putObject("properties");
            properties.put("order_id", orderId);
            var productArray = properties.putArray("products");
            var prices = new ArrayList<BigDecimal>();
            var quantities = new ArrayList<Integer>();
            for (var product : chosen) {
                var quantity = rng.nextDouble() < 0.85 ? 1 : rng.nextDouble() < 0.8 ? 2 : 3;
                var price = product.price().multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
                subtotal = subtotal.add(price.multiply(BigDecimal.valueOf(quantity)));
                productProperties(productArray.addObject(), product)
                        .put("price", price)
                        .put("quantity", quantity);
                prices.add(price);
                quantities.add(quantity);
            }
            var discount = BigDecimal.ZERO;
            if (DemoCalendar.festival(day)
                    && subtotal.compareTo(BigDecimal.valueOf(300)) >= 0
                    && rng.nextDouble() < 0.6) {
                discount = BigDecimal.valueOf(50);
                properties.put("coupon", "满300减50");
            } else if (rng.nextDouble() < 0.1) {
                discount = BigDecimal.valueOf(10);
                properties.put("coupon", "新人立减10");
            }
            var shipping = subtotal.compareTo(BigDecimal.valueOf(99)) >= 0 ? BigDecimal.ZERO : BigDecimal.valueOf(8);
            var total = subtotal.subtract(discount).add(shipping).max(BigDecimal.ZERO);
            properties.put("subtotal", subtotal);
            properties.put("discount", discount);
            properties.put("shipping", shipping);
            properties.put("total", total);
            properties.put("currency", "CNY");
            properties.put("payment_method", rng.nextDouble() < 0.7 ? "wechat_pay" : "alipay");
            var completedAt = Instant.parse(completed.get("timestamp").asString());
            var fate = rng.nextDouble();
            if (fate < 0.02) {
                var cancelled = track("Order Cancelled", completedAt.plusSeconds(600 + rng.nextInt(2400)), context);
                cancelled.putObject("properties").put("order_id", orderId).put("reason", "买家取消");
            } else if (fate < 0.08) {
                var refundAt = completedAt.plus(Duration.ofDays(2 + rng.nextInt(9)));
                if (refundAt.isBefore(end)) {
                    var refunded = track("Order Refunded", refundAt, context);
                    var refund = refunded.putObject("properties");
                    refund.put("order_id", orderId);
                    refund.put("reason", rng.nextBoolean() ? "七天无理由退货" : "商品与描述不符");
                    if (chosen.size() > 1 && rng.nextDouble() < 0.4) {
                        var product =
                                productProperties(refund.putArray("products").addObject(), chosen.getFirst());
                        product.put("price", prices.getFirst()).put("quantity", quantities.getFirst());
                        refund.put("total", prices.getFirst().multiply(BigDecimal.valueOf(quantities.getFirst())));
                    }
                }
            }
        }

        /** A later session on another device: anonymous first, then signed in, which merges the two profiles. */
        private void secondDevice(Instant until) {
            if (rng.nextDouble() >= 0.15) {
                return;
            }
            var at = seasonalTime(registeredAt, until);
            if (at == null) {
                return;
            }
            var device = uuid();
            var context = context(false);
            var viewed = track("Product Viewed", at, context);
            viewed.put("anonymousId", device);
            viewed.remove("userId");
            productProperties(viewed.putObject("properties"), product());
            var login = message("identify", at.plusSeconds(120), context);
            login.put("anonymousId", device);
            login.put("userId", userId);
            login.putObject("traits").put("last_login_device", "second");
        }

        /** The same person met on another platform, recognised by the phone number they give there. */
        private void otherPlatform(Instant until) {
            if (rng.nextDouble() >= 0.10) {
                return;
            }
            var at = seasonalTime(registeredAt, until);
            if (at == null) {
                return;
            }
            var device = uuid();
            var other = (channel + 1 + rng.nextInt(3)) % 4;
            var context = JSON.objectNode();
            context.putObject("library").put("name", LIBRARIES[other]).put("version", "2.4.0");
            context.put("locale", "zh-CN");
            var viewed = message("page", at, context);
            viewed.put("anonymousId", device);
            viewed.remove("userId");
            viewed.put("name", "活动会场");
            var identify = message("identify", at.plusSeconds(90), context);
            identify.put("anonymousId", device);
            identify.remove("userId");
            var traits = identify.putObject("traits");
            traits.put("phone", phone());
            if (other == 1) {
                traits.put("douyin_openid", "dy" + token(30));
            } else if (other == 2) {
                traits.put("xiaohongshu_id", "xhs" + token(20));
            }
        }

        private ObjectNode track(String event, Instant at, ObjectNode context) {
            var message = message("track", at, context);
            message.put("event", event);
            return message;
        }

        private ObjectNode message(String type, Instant at, ObjectNode context) {
            var message = JSON.objectNode();
            message.put("type", type);
            message.put("messageId", "demo-" + settings.seed() + "-" + index + "-" + (sequence++));
            message.put("anonymousId", anonymousId);
            if (isRegistered(at)) {
                message.put("userId", userId);
            }
            message.put("timestamp", at.toString());
            message.set("context", context.deepCopy());
            messages.add(message);
            return message;
        }

        private boolean isRegistered(Instant at) {
            return registeredAt != null && !at.isBefore(registeredAt);
        }

        private ObjectNode context(boolean arrival) {
            var context = JSON.objectNode();
            context.putObject("library").put("name", LIBRARIES[channel]).put("version", "2.4.0");
            context.put("locale", "zh-CN");
            context.put("timezone", settings.zone().getId());
            if (arrival) {
                context.putObject("campaign")
                        .put("source", CHANNELS[channel])
                        .put("medium", channel == 3 ? "search" : "social")
                        .put("name", "花间集-拉新");
            }
            return context;
        }

        private ObjectNode productProperties(ObjectNode properties, DemoCatalogue.Product product) {
            properties.put("product_id", product.id());
            properties.put("name", product.name());
            properties.put("category", product.category());
            properties.put("brand", product.brand());
            properties.put("price", product.price());
            properties.put("currency", "CNY");
            return properties;
        }

        private List<DemoCatalogue.Product> favouriteProducts() {
            var categories = DemoCatalogue.CATEGORIES;
            var shares = categories.stream()
                    .mapToDouble(DemoCatalogue.Category::share)
                    .toArray();
            var first = categories.get(pick(shares)).name();
            var second = categories.get(pick(shares)).name();
            return products.stream()
                    .filter(p -> p.category().equals(first) || p.category().equals(second))
                    .toList();
        }

        private DemoCatalogue.Product product() {
            var pool = rng.nextDouble() < 0.65 ? favourites : products;
            var weights =
                    pool.stream().mapToDouble(DemoCatalogue.Product::popularity).toArray();
            return pool.get(pick(weights));
        }

        private int pick(double[] weights) {
            var total = 0.0;
            for (var weight : weights) {
                total += weight;
            }
            var x = rng.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private String phone() {
            var prefixes = new String[] {
                "138", "139", "137", "136", "150", "151", "152", "158", "159", "186", "187", "188", "177", "199"
            };
            var number = Math.floorMod(index * 7_919L + settings.seed() * 31, 100_000_000L);
            return prefixes[index % prefixes.length] + String.format("%08d", number);
        }

        private String uuid() {
            return new java.util.UUID(rng.nextLong(), rng.nextLong()).toString();
        }

        private String token(int length) {
            var alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";
            var text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        private LocalDate day(Instant at) {
            return LocalDate.ofInstant(at, settings.zone());
        }
    }

    private static Duration days(double days) {
        return Duration.ofSeconds((long) Math.min(days * 86_400, 10L * 365 * 86_400));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
