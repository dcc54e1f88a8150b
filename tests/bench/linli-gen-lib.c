/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-gen"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "linli-gen-lib.h"
#include "linli-geometry.h"
#include "linli-store-private.h"
#include "linli-store.h"

/* A synthetic community of any size, the same for the same arguments.
 *
 * Every random choice is drawn from one GRand seeded by the caller, in a fixed
 * order, and every time is counted from LINLI_GEN_BASE_DATE, never from the
 * clock: two runs with the same arguments write the same rows. Times are
 * written as the store writes them, in the local zone; linli-gen and
 * linli-bench set TZ to Asia/Shanghai, the community's, so that their files
 * do not depend on the machine's. The community lies in Jining (Shandong),
 * where the demo community is. */

#define CENTER_LAT  35.4050
#define CENTER_LON  116.6150
#define CELL_W      0.0018      /* degrees of longitude: about 163 m at 35.4° N */
#define CELL_H      0.00135     /* degrees of latitude: about 150 m */
#define CORNER_JITTER 0.06      /* of a cell: how far a grid corner moves */
#define EDGE_JITTER   0.03      /* of a cell: how far a point inside an edge moves off it */
#define SPAN_DAYS   1096        /* the records cover the three years before the base date */
#define PLAN_DAYS   60          /* activities are planned this far after it */
#define HOUR        3600
#define DAY         86400

typedef struct
{
  gint64         id;
  LinliGeometry *shape;        /* as read back from its GeoJSON */
  double         x0, y0;       /* the cell before jitter: lon, lat */
  double         x1, y1;
  gint64         worker_id;    /* its grid worker */
  gint64         member_id;    /* the committee member in charge of it */
  guint          first_building;
  guint          n_buildings;
} GenGrid;

typedef struct
{
  gint64 id;
  guint  grid;                 /* index into grids */
  guint  number;               /* N of "N号楼" */
  double lon, lat;
  int    units;
  int    floors;
} GenBuilding;

typedef struct
{
  GRand      *rand;
  LinliStore *store;
  GTimeZone  *tz;             /* the local zone, which the store writes times in */
  gint64      base;            /* unix time of LINLI_GEN_BASE_DATE */
  gint64      start;           /* SPAN_DAYS before it */
  guint       n_cases;
  GArray     *grids;           /* GenGrid, the management grids */
  GArray     *buildings;       /* GenBuilding */
  GArray     *residents;       /* gint64 */
  GArray     *volunteers;      /* gint64 */
  GArray     *organisations;   /* gint64, in the order of organisation_names */
  GArray     *members;         /* gint64, committee members */
  gint64      sentiment_ids[3];
  double      min_lon, min_lat, max_lon, max_lat;
} Gen;

/* ------------------------------------------------------------------------ */
/* Words */

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
  "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程",
  "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "孔", "颜", "孟", "田", "任", "姜",
};

static const char * const given_names[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀英", "霞", "平", "刚", "桂英", "建国", "建华", "玉兰", "淑珍", "志强",
  "海燕", "红梅", "文博", "子涵", "浩然", "欣怡", "宇轩", "雨萱", "国庆", "德福", "凤英",
  "秀兰", "卫东", "春生", "立新", "晓燕", "金凤", "长青",
};

static const char * const phone_prefixes[] = {
  "138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188",
  "133", "153", "180", "189", "130", "131", "132", "155", "156", "185", "176", "177",
};

typedef struct
{
  const char *category;
  const char *unit;            /* who usually handles it */
  const char *subcategories[4];
  const char *phrases[4];      /* what the resident says, after the place */
} Category;

static const Category categories[] = {
  { "水电维修", "物业",
    { "漏水", "停水", "停电", "楼道灯不亮" },
    { "卫生间漏水渗到楼下", "家中突然停水", "整个单元停电", "楼道灯不亮" } },
  { "环境卫生", "物业",
    { "垃圾清运", "楼道堆物", "绿化养护", "污水外溢" },
    { "垃圾桶满溢未及时清运", "楼道堆放杂物", "绿化带杂草丛生", "下水道污水外溢" } },
  { "邻里纠纷", "社区",
    { "噪音扰民", "漏水纠纷", "停车纠纷", "宠物扰民" },
    { "楼上夜间噪音扰民", "楼上漏水协商不成", "车位被长期占用", "邻居犬只夜间吠叫" } },
  { "公共设施", "物业",
    { "电梯故障", "路灯损坏", "健身器材损坏", "道路破损" },
    { "电梯停运", "路灯不亮", "健身器材松动", "路面坑洼积水" } },
  { "安全隐患", "社区",
    { "飞线充电", "消防通道堵塞", "高空抛物", "井盖缺失" },
    { "电动车飞线充电", "消防通道被车辆堵塞", "有人高空抛物", "井盖缺失" } },
  { "民生诉求", "街道",
    { "低保咨询", "养老服务", "就业帮扶", "证明开具" },
    { "咨询低保申请", "独居老人需要助餐服务", "失业人员求职帮扶", "需要开具居住证明" } },
  { "物业管理", "物业",
    { "物业收费", "门禁故障", "保洁不到位", "维修基金" },
    { "对物业收费有异议", "单元门禁失灵", "楼道保洁不到位", "申请使用维修基金" } },
};

static const char * const other_units[] = {
  "街道", "派出所", "供电公司", "自来水公司", "城管中队", "燃气公司",
};

/* The sources and how often each is seen, in per cent. */
static const struct { const char *name; int weight; } sources[] = {
  { "网格巡查", 35 }, { "居民来电", 25 }, { "来访", 15 }, { "民情“5”来听", 10 },
  { "12345转办", 10 }, { "微信群", 5 },
};

static const char * const places[] = {
  "小区东门", "小区西门", "中心广场", "地下车库", "南侧道路", "菜市场门口", "幼儿园门口",
  "小区北侧绿地",
};

static const char * const description_tails[] = {
  "请尽快处理", "已多次出现", "影响日常生活", "希望社区协调解决", "老人出行不便",
};

static const char * const resolutions[] = {
  "网格员现场协调，已处理完毕", "联系物业维修，已修复", "经和为贵调解室调解，双方达成一致",
  "转相关部门处置，已解决", "当日办结", "网格员上门解释政策，居民表示理解",
};

static const char * const revisit_notes[] = {
  "电话回访，问题未复发", "上门回访，居民表示满意", "回访时居民提出新的建议，已记录",
  "居民认为处理及时",
};

static const char * const note_texts[] = {
  "已电话联系居民了解情况", "已联系物业维修人员", "记入民情日记，持续跟踪",
  "居民补充说明了情况", "等待配件到货",
};

static const char * const visit_texts[] = {
  "上门走访了解情况", "现场查看并拍照留存", "与楼长一同入户沟通",
};

static const char * const feedback_texts[] = {
  "居民反馈问题已解决", "居民表示感谢", "居民希望加强日常巡查",
};

static const char * const escalation_texts[] = {
  "超出网格处置能力，上报街道", "上报12345平台协调", "涉及多个部门，提请街道协调",
};

static const char * const organisation_names[] = {
  "许庄派出所", "济宁市反诈中心", "济宁医学院", "许庄街道办事处", "东方御园物业服务中心",
  "社区卫生服务站", "国网济宁供电公司许庄供电所", "许庄中学", "济宁市第一人民医院志愿服务队",
  "中国银行济宁分行", "任城区新时代文明实践中心", "济宁市图书馆",
};
#define POLICE        0
#define ANTI_FRAUD    1

static const char * const activity_types[] = {
  "学雷锋", "环境整治", "助老", "文明实践", "关爱儿童", "义诊", "垃圾分类", "法律咨询",
};

static const char * const activity_venues[] = {
  "社区党群服务中心", "和为贵调解室", "小区中心广场", "雷锋纪念馆", "社区老年活动室",
  "小区南门", "社区卫生服务站", "新时代文明实践站",
};

static const char * const organisers[] = {
  "社区党支部", "社区居委会", "新时代文明实践站", "社区志愿服务队",
};

static const char * const skills[] = {
  "理发", "义诊", "维修家电", "法律咨询", "心理疏导", "书法", "摄影", "驾驶", "文艺演出",
};

static const char * const outreach_venues[] = {
  "济宁医学院", "社区广场", "老年活动中心", "许庄中学", "农贸市场", "幼儿园家长会",
  "企业园区", "线上直播间",
};

static const char * const target_groups[] = {
  "老年人", "学生", "新市民", "宝妈", "企业职工", "个体商户",
};

static const char * const scam_topics[] = {
  "刷单返利", "冒充公检法", "养老诈骗", "虚假投资理财", "网络贷款", "冒充客服退款",
  "杀猪盘", "游戏装备交易",
};

static const char * const colors[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#9141ac", "#986a44",
  "#62a0ea", "#57e389", "#e5a50a", "#c64600", "#c061cb", "#865e3c",
};

/* ------------------------------------------------------------------------ */
/* Random helpers */

#define PICK(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

static int
between (Gen *gen,
         int  lo,
         int  hi)
{
  return g_rand_int_range (gen->rand, lo, hi + 1);
}

static gint64
seconds_between (Gen    *gen,
                 gint64  lo,
                 gint64  hi)
{
  return lo + (gint64) (g_rand_double (gen->rand) * (double) (hi - lo));
}

/* C leaves the order of a call's arguments open: one draw per statement
 * keeps the sequence the same whatever the compiler does. */

static char *
person_name (Gen *gen)
{
  const char *surname = PICK (gen, surnames);
  const char *given = PICK (gen, given_names);

  return g_strconcat (surname, given, NULL);
}

static char *
phone_number (Gen *gen)
{
  const char *prefix = PICK (gen, phone_prefixes);
  int number = g_rand_int_range (gen->rand, 0, 100000000);

  return g_strdup_printf ("%s%08d", prefix, number);
}

/* ------------------------------------------------------------------------ */
/* Times */

static GDateTime *
datetime_new (Gen    *gen,
              gint64  unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_to_timezone (utc, gen->tz);
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void
civil_from_days (gint64    days,
                 int      *year,
                 unsigned *month,
                 unsigned *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned) (z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

static gint64
local_seconds (Gen    *gen,
               gint64  unix_time,
               int    *offset)
{
  int interval = g_time_zone_find_interval (gen->tz, G_TIME_TYPE_UNIVERSAL, unix_time);

  *offset = g_time_zone_get_offset (gen->tz, interval);
  return unix_time + *offset;
}

/* The text the store writes for a time of whole seconds: in the local zone,
 * "%Y-%m-%dT%H:%M:%S%:z" ("2026-01-01T00:00:00+08:00" in China). Made
 * without a GDateTime: the bulk writes a million of them. */
static const char *
format_time (Gen    *gen,
             gint64  unix_time,
             char    buf[32])
{
  int offset;
  gint64 local = local_seconds (gen, unix_time, &offset);
  gint64 days = local >= 0 ? local / DAY : (local - DAY + 1) / DAY;
  gint64 secs = local - days * DAY;
  int year, off = ABS (offset);
  unsigned month, day;

  civil_from_days (days, &year, &month, &day);
  g_snprintf (buf, 32, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", year, month, day,
              (int) (secs / HOUR), (int) (secs % HOUR / 60), (int) (secs % 60),
              offset < 0 ? '-' : '+', off / HOUR, off % HOUR / 60);
  return buf;
}

static int
year_of (Gen    *gen,
         gint64  unix_time)
{
  int offset, year;
  gint64 local = local_seconds (gen, unix_time, &offset);
  unsigned month, day;

  civil_from_days (local >= 0 ? local / DAY : (local - DAY + 1) / DAY, &year, &month, &day);
  return year;
}

/* A day in the records' span (or after it) at a time an office works. */
static gint64
office_time (Gen *gen,
             int  max_day)
{
  gint64 day = between (gen, 0, max_day);
  return gen->start + day * DAY + between (gen, 16, 33) * (HOUR / 2);
}

/* The nick the store writes for an enum value; NULL for a value 0 "none". */
static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_assert (ev != NULL);
  if (ev->value == 0 && g_str_equal (ev->value_nick, "none"))
    return NULL;
  return ev->value_nick;   /* static: it belongs to the registered type */
}

/* ------------------------------------------------------------------------ */
/* The small tables, through the store */

static gboolean
insert (Gen          *gen,
        LinliRecord  *record,
        gint64       *id,
        GError      **error)
{
  if (!linli_store_insert (gen->store, record, error))
    return FALSE;
  if (id != NULL)
    *id = linli_record_get_id (record);
  return TRUE;
}

static gboolean
write_community (Gen     *gen,
                 GError **error)
{
  g_autoptr(LinliRecord) community = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autoptr(GDateTime) created = datetime_new (gen, gen->base);
  guint cols = (guint) ceil (sqrt (gen->grids->len));

  linli_record_set_text (community, "name", "合成测试社区");
  linli_record_set_text (community, "subdistrict", "许庄街道");
  linli_record_set_text (community, "city", "济宁市");
  linli_record_set_double (community, "center_lat", (gen->min_lat + gen->max_lat) / 2);
  linli_record_set_double (community, "center_lon", (gen->min_lon + gen->max_lon) / 2);
  linli_record_set_double (community, "zoom", CLAMP (round (18 - log2 (cols)), 12, 18));
  linli_record_set_text (community, "secretary", "李书记");
  linli_record_set_bool (community, "is_demo", FALSE);
  linli_record_set_datetime (community, "created_at", created);
  return insert (gen, community, NULL, error);
}

static gboolean
write_organisations (Gen     *gen,
                     GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (organisation_names); i++)
    {
      g_autoptr(LinliRecord) org = linli_record_new (LINLI_TYPE_ORGANISATION);
      g_autofree char *contact = person_name (gen);
      g_autofree char *phone = phone_number (gen);
      gint64 id;

      linli_record_set_text (org, "name", organisation_names[i]);
      linli_record_set_text (org, "contact", contact);
      linli_record_set_text (org, "phone", phone);
      if (!insert (gen, org, &id, error))
        return FALSE;
      g_array_append_val (gen->organisations, id);
    }
  return TRUE;
}

static gboolean
write_worker (Gen              *gen,
              LinliWorkerRole   role,
              gint64           *id,
              GError          **error)
{
  g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);
  g_autofree char *name = person_name (gen);
  g_autofree char *phone = phone_number (gen);

  linli_record_set_text (worker, "name", name);
  linli_record_set_enum (worker, "role", role);
  linli_record_set_text (worker, "phone", phone);
  return insert (gen, worker, id, error);
}

static void
add_point (GArray *ring,
           double  lon,
           double  lat)
{
  LinliPoint p = { lon, lat };
  g_array_append_val (ring, p);
}

/* The points strictly inside an edge from @a to @b: 0 to 7 of them, between a
 * quarter and three quarters of the way along, each moved off the edge by at
 * most EDGE_JITTER of a cell. With corners moved by at most CORNER_JITTER and
 * cells 0.85 to 1.15 of the nominal size, no two edges of a cell can cross:
 * an edge keeps within 0.09 of a cell of its nominal line, and the points
 * inside it lie at least 0.12 of a cell beyond the nominal lines of the two
 * edges it meets. (Buildings keep 0.17 of a cell inside those lines.) */
static GArray *
edge_points (Gen        *gen,
             LinliPoint  a,
             LinliPoint  b,
             gboolean    horizontal)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (LinliPoint));
  int n = between (gen, 0, 7);

  for (int i = 0; i < n; i++)
    {
      double t = 0.25 + 0.5 * (i + 1) / (n + 1);
      double off = g_rand_double_range (gen->rand, -EDGE_JITTER, EDGE_JITTER);
      LinliPoint p = { a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat) };

      if (horizontal)
        p.lat += off * CELL_H;
      else
        p.lon += off * CELL_W;
      g_array_append_val (points, p);
    }
  return points;
}

static void
append_edge (GArray     *ring,
             GArray     *inside,
             gboolean    reverse)
{
  for (guint i = 0; i < inside->len; i++)
    {
      LinliPoint *p = &g_array_index (inside, LinliPoint, reverse ? inside->len - 1 - i : i);
      add_point (ring, p->lon, p->lat);
    }
}

/* Writes @ring as a polygon into @record's boundary and reads it back, so the
 * generator tests points against exactly what the file holds. */
static LinliGeometry *
set_boundary (LinliRecord  *record,
              GArray       *ring,
              GError      **error)
{
  g_autoptr(LinliGeometry) shape = linli_geometry_new ();
  g_autofree char *geojson = NULL;

  linli_geometry_add_ring (shape, FALSE, (LinliPoint *) (gpointer) ring->data, ring->len);
  geojson = linli_geometry_to_geojson (shape);
  linli_record_set_text (record, "boundary", geojson);
  return linli_geometry_parse (geojson, error);
}

static gboolean
write_grid (Gen            *gen,
            LinliGridKind   kind,
            const char     *code,
            const char     *name,
            const char     *color,
            GArray         *ring,
            int             households,
            const gint64   *workers,
            guint           n_workers,
            gint64         *id,
            LinliGeometry **shape,
            GError        **error)
{
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  g_autoptr(GDateTime) valid_from = datetime_new (gen, gen->start);
  g_autoptr(LinliGeometry) read_back = NULL;

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  linli_record_set_enum (grid, "kind", kind);
  linli_record_set_text (grid, "color", color);
  if (!(read_back = set_boundary (grid, ring, error)))
    return FALSE;
  linli_record_set_int (grid, "households", households);
  linli_record_set_int (grid, "population", households * 26 / 10);
  linli_record_set_datetime (grid, "valid_from", valid_from);
  linli_record_set_refs (grid, "workers", workers, n_workers);
  if (!insert (gen, grid, id, error))
    return FALSE;
  if (shape != NULL)
    *shape = g_steal_pointer (&read_back);
  return TRUE;
}

/* A point well inside the nominal cell of @grid, and so inside its outline. */
static gboolean
point_in_grid (Gen     *gen,
               GenGrid *grid,
               double  *lon,
               double  *lat)
{
  double cx = (grid->x0 + grid->x1) / 2, cy = (grid->y0 + grid->y1) / 2;
  double w = grid->x1 - grid->x0, h = grid->y1 - grid->y0;

  for (int tries = 0; tries < 100; tries++)
    {
      *lon = cx + g_rand_double_range (gen->rand, -0.3, 0.3) * w;
      *lat = cy + g_rand_double_range (gen->rand, -0.3, 0.3) * h;
      if (linli_geometry_contains (grid->shape, *lon, *lat))
        return TRUE;
    }
  return FALSE;
}

/* The management grids: a jittered tiling of cols × rows cells, the last row
 * short when the count does not fill it, whose neighbours share their edges;
 * then their buildings. The three sentiment grids are strips across them. */
static gboolean
write_grids (Gen     *gen,
             guint    n_grids,
             GError **error)
{
  guint cols = (guint) ceil (sqrt (n_grids));
  guint rows = (n_grids + cols - 1) / cols;
  g_autofree double *xs = g_new (double, cols + 1);
  g_autofree double *ys = g_new (double, rows + 1);
  g_autofree LinliPoint *corners = g_new (LinliPoint, (rows + 1) * (cols + 1));
  g_autoptr(GPtrArray) h_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) v_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (LinliPoint));
  int code_width = n_grids >= 100 ? 3 : 2;

#define CORNER(r, c) corners[(r) * (cols + 1) + (c)]
#define H_EDGE(r, c) ((GArray *) g_ptr_array_index (h_edges, (r) * cols + (c)))
#define V_EDGE(r, c) ((GArray *) g_ptr_array_index (v_edges, (r) * (cols + 1) + (c)))

  xs[0] = 0;
  for (guint c = 0; c < cols; c++)
    xs[c + 1] = xs[c] + CELL_W * g_rand_double_range (gen->rand, 0.85, 1.15);
  ys[0] = 0;
  for (guint r = 0; r < rows; r++)
    ys[r + 1] = ys[r] + CELL_H * g_rand_double_range (gen->rand, 0.85, 1.15);
  for (guint c = 0; c <= cols; c++)
    xs[c] += CENTER_LON - xs[cols] / 2;
  for (guint r = 0; r <= rows; r++)
    ys[r] += CENTER_LAT - ys[rows] / 2;
  gen->min_lon = xs[0];
  gen->max_lon = xs[cols];
  gen->min_lat = ys[0];
  gen->max_lat = ys[rows];

  for (guint r = 0; r <= rows; r++)
    for (guint c = 0; c <= cols; c++)
      {
        CORNER (r, c).lon = xs[c] + g_rand_double_range (gen->rand, -CORNER_JITTER, CORNER_JITTER) * CELL_W;
        CORNER (r, c).lat = ys[r] + g_rand_double_range (gen->rand, -CORNER_JITTER, CORNER_JITTER) * CELL_H;
      }
  for (guint r = 0; r <= rows; r++)
    for (guint c = 0; c < cols; c++)
      g_ptr_array_add (h_edges, edge_points (gen, CORNER (r, c), CORNER (r, c + 1), TRUE));
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c <= cols; c++)
      g_ptr_array_add (v_edges, edge_points (gen, CORNER (r, c), CORNER (r + 1, c), FALSE));

  /* The people first: grids list their workers. */
  for (guint i = 0; i < 5; i++)
    {
      gint64 id;
      if (!write_worker (gen, LINLI_WORKER_ROLE_COMMITTEE_MEMBER, &id, error))
        return FALSE;
      g_array_append_val (gen->members, id);
    }

  for (guint i = 0; i < n_grids; i++)
    {
      guint r = i / cols, c = i % cols;
      GenGrid grid = { 0, };
      g_autofree char *code = g_strdup_printf ("%0*u", code_width, i + 1);
      g_autofree char *name = g_strdup_printf ("第%u网格", i + 1);
      gint64 workers[2];
      int households = 0;

      grid.x0 = xs[c];
      grid.x1 = xs[c + 1];
      grid.y0 = ys[r];
      grid.y1 = ys[r + 1];
      if (!write_worker (gen, LINLI_WORKER_ROLE_GRID_WORKER, &grid.worker_id, error))
        return FALSE;
      grid.member_id = g_array_index (gen->members, gint64, i % gen->members->len);

      /* Counter-clockwise, as GeoJSON wants an outer ring. */
      g_array_set_size (ring, 0);
      add_point (ring, CORNER (r, c).lon, CORNER (r, c).lat);
      append_edge (ring, H_EDGE (r, c), FALSE);
      add_point (ring, CORNER (r, c + 1).lon, CORNER (r, c + 1).lat);
      append_edge (ring, V_EDGE (r, c + 1), FALSE);
      add_point (ring, CORNER (r + 1, c + 1).lon, CORNER (r + 1, c + 1).lat);
      append_edge (ring, H_EDGE (r + 1, c), TRUE);
      add_point (ring, CORNER (r + 1, c).lon, CORNER (r + 1, c).lat);
      append_edge (ring, V_EDGE (r, c), TRUE);
      add_point (ring, CORNER (r, c).lon, CORNER (r, c).lat);

      /* Its buildings are planned before it is written: it counts their households. */
      grid.first_building = gen->buildings->len;
      grid.n_buildings = between (gen, 3, 10);
      for (guint b = 0; b < grid.n_buildings; b++)
        {
          static const int floor_choices[] = { 6, 6, 7, 11, 18, 26 };
          GenBuilding building = { 0, };

          building.grid = i;
          building.number = gen->buildings->len + 1;
          building.units = between (gen, 1, 4);
          building.floors = PICK (gen, floor_choices);
          households += building.units * building.floors * 2;
          g_array_append_val (gen->buildings, building);
        }

      workers[0] = grid.worker_id;
      workers[1] = grid.member_id;
      if (!write_grid (gen, LINLI_GRID_KIND_MANAGEMENT, code, name,
                       colors[(r + 2 * c) % G_N_ELEMENTS (colors)], ring, households,
                       workers, G_N_ELEMENTS (workers), &grid.id, &grid.shape, error))
        return FALSE;
      g_array_append_val (gen->grids, grid);
    }

  for (guint s = 0; s < 3; s++)
    {
      static const char * const names[] = { "第一民情网格", "第二民情网格", "第三民情网格" };
      double x0 = gen->min_lon + (gen->max_lon - gen->min_lon) * s / 3 + 0.1 * CELL_W;
      double x1 = gen->min_lon + (gen->max_lon - gen->min_lon) * (s + 1) / 3 - 0.1 * CELL_W;
      double y0 = gen->min_lat - 0.2 * CELL_H, y1 = gen->max_lat + 0.2 * CELL_H;
      g_autofree char *code = g_strdup_printf ("M%u", s + 1);
      gint64 secretary;

      if (!write_worker (gen, LINLI_WORKER_ROLE_SENTIMENT_SECRETARY, &secretary, error))
        return FALSE;
      g_array_set_size (ring, 0);
      add_point (ring, x0, y0);
      for (int k = 1; k <= 2; k++)
        add_point (ring, x0 + (x1 - x0) * k / 3,
                   y0 + g_rand_double_range (gen->rand, -0.1, 0.1) * CELL_H);
      add_point (ring, x1, y0);
      add_point (ring, x1, y1);
      for (int k = 2; k >= 1; k--)
        add_point (ring, x0 + (x1 - x0) * k / 3,
                   y1 + g_rand_double_range (gen->rand, -0.1, 0.1) * CELL_H);
      add_point (ring, x0, y1);
      add_point (ring, x0, y0);
      if (!write_grid (gen, LINLI_GRID_KIND_SENTIMENT, code, names[s], "#e01b24", ring, 0,
                       &secretary, 1, &gen->sentiment_ids[s], NULL, error))
        return FALSE;
    }

#undef CORNER
#undef H_EDGE
#undef V_EDGE

  for (guint i = 0; i < gen->buildings->len; i++)
    {
      GenBuilding *building = &g_array_index (gen->buildings, GenBuilding, i);
      GenGrid *grid = &g_array_index (gen->grids, GenGrid, building->grid);
      g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_BUILDING);
      g_autofree char *name = g_strdup_printf ("%u号楼", building->number);

      if (!point_in_grid (gen, grid, &building->lon, &building->lat))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "No place for building %u inside grid %" G_GINT64_FORMAT,
                       building->number, grid->id);
          return FALSE;
        }
      linli_record_set_text (record, "name", name);
      linli_record_set_int (record, "grid_id", grid->id);
      linli_record_set_double (record, "lat", building->lat);
      linli_record_set_double (record, "lon", building->lon);
      linli_record_set_int (record, "units", building->units);
      linli_record_set_int (record, "floors", building->floors);
      linli_record_set_int (record, "households", building->units * building->floors * 2);
      if (!insert (gen, record, &building->id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_residents (Gen     *gen,
                 guint    n_residents,
                 GError **error)
{
  for (guint i = 0; i < n_residents; i++)
    {
      g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
      GenBuilding *building = &g_array_index (gen->buildings, GenBuilding,
                                              g_rand_int_range (gen->rand, 0, gen->buildings->len));
      g_autofree char *name = person_name (gen);
      g_autofree char *phone = chance (gen, 0.9) ? phone_number (gen) : NULL;
      int entrance = between (gen, 1, building->units);
      int storey = between (gen, 1, building->floors);
      int door = between (gen, 1, 2);
      g_autofree char *address = g_strdup_printf ("%u号楼%d单元%d%02d", building->number, entrance, storey, door);
      gint64 id;

      linli_record_set_text (resident, "name", name);
      linli_record_set_text (resident, "phone", phone);
      linli_record_set_text (resident, "address", address);
      if (!insert (gen, resident, &id, error))
        return FALSE;
      g_array_append_val (gen->residents, id);
    }
  return TRUE;
}

static gboolean
write_volunteers (Gen     *gen,
                  guint    n_volunteers,
                  GError **error)
{
  for (guint i = 0; i < n_volunteers; i++)
    {
      g_autoptr(LinliRecord) volunteer = linli_record_new (LINLI_TYPE_VOLUNTEER);
      g_autofree char *name = person_name (gen);
      g_autofree char *phone = phone_number (gen);
      g_autofree char *number = chance (gen, 0.9) ? g_strdup_printf ("JN%07u", i + 1) : NULL;
      gint64 id;

      linli_record_set_text (volunteer, "name", name);
      linli_record_set_text (volunteer, "phone", phone);
      linli_record_set_text (volunteer, "number", number);
      if (chance (gen, 0.6))
        linli_record_set_text (volunteer, "skills", PICK (gen, skills));
      if (!insert (gen, volunteer, &id, error))
        return FALSE;
      g_array_append_val (gen->volunteers, id);
    }
  return TRUE;
}

/* @count distinct indices below @n (fewer if @n is smaller), in the order drawn. */
static guint
pick_distinct (Gen   *gen,
               guint  n,
               guint  count,
               guint *out)
{
  guint n_out = 0;

  count = MIN (count, n);
  while (n_out < count)
    {
      guint candidate = g_rand_int_range (gen->rand, 0, n);
      gboolean seen = FALSE;

      for (guint i = 0; i < n_out && !seen; i++)
        seen = out[i] == candidate;
      if (!seen)
        out[n_out++] = candidate;
    }
  return n_out;
}

static gboolean
write_activities (Gen     *gen,
                  guint    n_activities,
                  GError **error)
{
  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
      const char *type = PICK (gen, activity_types);
      const char *venue = PICK (gen, activity_venues);
      gint64 start = office_time (gen, SPAN_DAYS + PLAN_DAYS);
      g_autoptr(GDateTime) start_at = datetime_new (gen, start);
      g_autoptr(GDateTime) end_at = datetime_new (gen, start + between (gen, 2, 8) * (HOUR / 2));
      g_autofree char *title = g_strdup_printf ("%s志愿服务活动（%s）", type, venue);
      LinliActivityStatus status;
      GenBuilding *building = &g_array_index (gen->buildings, GenBuilding,
                                              g_rand_int_range (gen->rand, 0, gen->buildings->len));
      guint partners[2], n_partners;
      gint64 partner_ids[2];
      guint chosen[12], n_chosen;
      gint64 activity_id;

      if (start > gen->base)
        status = LINLI_ACTIVITY_STATUS_PLANNED;
      else
        status = chance (gen, 0.95) ? LINLI_ACTIVITY_STATUS_DONE : LINLI_ACTIVITY_STATUS_CANCELLED;

      linli_record_set_text (activity, "title", title);
      linli_record_set_text (activity, "type", type);
      linli_record_set_datetime (activity, "start_at", start_at);
      linli_record_set_datetime (activity, "end_at", end_at);
      linli_record_set_text (activity, "venue", venue);
      linli_record_set_double (activity, "lat", building->lat);
      linli_record_set_double (activity, "lon", building->lon);
      linli_record_set_int (activity, "grid_id", g_array_index (gen->grids, GenGrid, building->grid).id);
      linli_record_set_text (activity, "organiser", PICK (gen, organisers));
      linli_record_set_int (activity, "beneficiaries",
                            status == LINLI_ACTIVITY_STATUS_DONE ? between (gen, 20, 300) : 0);
      linli_record_set_enum (activity, "status", status);
      linli_record_set_text (activity, "description", "组织志愿者开展服务，做好台账记录。");
      n_partners = pick_distinct (gen, gen->organisations->len, between (gen, 0, 2), partners);
      for (guint p = 0; p < n_partners; p++)
        partner_ids[p] = g_array_index (gen->organisations, gint64, partners[p]);
      linli_record_set_refs (activity, "partners", partner_ids, n_partners);
      if (!insert (gen, activity, &activity_id, error))
        return FALSE;

      if (status == LINLI_ACTIVITY_STATUS_CANCELLED)
        continue;
      n_chosen = pick_distinct (gen, gen->volunteers->len, between (gen, 3, 12), chosen);
      for (guint v = 0; v < n_chosen; v++)
        {
          static const char * const roles[] = { "志愿者", "志愿者", "志愿者", "摄影", "后勤" };
          g_autoptr(LinliRecord) participation = linli_record_new (LINLI_TYPE_PARTICIPATION);

          linli_record_set_int (participation, "activity_id", activity_id);
          linli_record_set_int (participation, "volunteer_id",
                                g_array_index (gen->volunteers, gint64, chosen[v]));
          linli_record_set_text (participation, "role", v == 0 ? "组织者" : PICK (gen, roles));
          linli_record_set_double (participation, "hours",
                                   status == LINLI_ACTIVITY_STATUS_DONE ? between (gen, 2, 8) / 2.0 : 0);
          if (!insert (gen, participation, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_outreach (Gen     *gen,
                guint    n_outreach,
                GError **error)
{
  for (guint i = 0; i < n_outreach; i++)
    {
      g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
      const char *venue = PICK (gen, outreach_venues);
      gint64 start = office_time (gen, SPAN_DAYS - 1);
      g_autoptr(GDateTime) start_at = datetime_new (gen, start);
      g_autoptr(GDateTime) end_at = datetime_new (gen, start + between (gen, 2, 6) * (HOUR / 2));
      g_autofree char *title = g_strdup_printf ("反诈宣传进%s", venue);
      g_autofree char *speaker_name = person_name (gen);
      g_autofree char *speaker = g_strdup_printf ("许庄派出所民警%s", speaker_name);
      LinliOutreachFormat format = g_str_equal (venue, "线上直播间")
                                   ? LINLI_OUTREACH_FORMAT_ONLINE
                                   : (LinliOutreachFormat) between (gen, LINLI_OUTREACH_FORMAT_LECTURE,
                                                                    LINLI_OUTREACH_FORMAT_DOOR_TO_DOOR);
      GenBuilding *building = &g_array_index (gen->buildings, GenBuilding,
                                              g_rand_int_range (gen->rand, 0, gen->buildings->len));
      gint64 organiser_ids[2];
      guint n_organisers = 1;
      guint chosen[3], n_chosen;
      const char *groups[4] = { NULL, }, *topics[4] = { NULL, };
      int attendees;

      switch (format)
        {
        case LINLI_OUTREACH_FORMAT_LECTURE:      attendees = between (gen, 50, 600); break;
        case LINLI_OUTREACH_FORMAT_STALL:        attendees = between (gen, 30, 200); break;
        case LINLI_OUTREACH_FORMAT_DOOR_TO_DOOR: attendees = between (gen, 10, 60); break;
        case LINLI_OUTREACH_FORMAT_ONLINE:       attendees = between (gen, 100, 1000); break;
        case LINLI_OUTREACH_FORMAT_OTHER:
        default:                                 attendees = between (gen, 10, 100); break;
        }

      linli_record_set_text (outreach, "title", title);
      linli_record_set_datetime (outreach, "start_at", start_at);
      linli_record_set_datetime (outreach, "end_at", end_at);
      linli_record_set_text (outreach, "venue", venue);
      if (format != LINLI_OUTREACH_FORMAT_ONLINE)
        {
          linli_record_set_double (outreach, "lat", building->lat);
          linli_record_set_double (outreach, "lon", building->lon);
          linli_record_set_int (outreach, "grid_id", g_array_index (gen->grids, GenGrid, building->grid).id);
        }
      linli_record_set_text (outreach, "speaker", speaker);
      linli_record_set_enum (outreach, "format", format);
      linli_record_set_int (outreach, "attendees", attendees);
      linli_record_set_int (outreach, "leaflets", attendees * between (gen, 10, 20) / 10);
      linli_record_set_int (outreach, "app_installs", attendees * between (gen, 1, 6) / 10);
      linli_record_set_int (outreach, "consultations", between (gen, 0, attendees / 5));

      organiser_ids[0] = g_array_index (gen->organisations, gint64, POLICE);
      if (chance (gen, 0.5))
        organiser_ids[n_organisers++] = g_array_index (gen->organisations, gint64, ANTI_FRAUD);
      linli_record_set_refs (outreach, "organisers", organiser_ids, n_organisers);

      n_chosen = pick_distinct (gen, G_N_ELEMENTS (target_groups), between (gen, 1, 3), chosen);
      for (guint k = 0; k < n_chosen; k++)
        groups[k] = target_groups[chosen[k]];
      linli_record_set_strv (outreach, "target_groups", groups);
      n_chosen = pick_distinct (gen, G_N_ELEMENTS (scam_topics), between (gen, 1, 3), chosen);
      for (guint k = 0; k < n_chosen; k++)
        topics[k] = scam_topics[chosen[k]];
      linli_record_set_strv (outreach, "topics", topics);

      if (!insert (gen, outreach, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The cases and their timelines, in bulk
 *
 * These two tables are nearly all of a large community: 100,000 cases make
 * about 450,000 timeline rows. Through linli_store_insert() every row would
 * cost a savepoint, a GValue per column, a GDateTime per time and, for a case,
 * an automatic timeline entry we do not want here (the generator writes the
 * whole timeline itself). So they are written with two prepared INSERTs inside
 * the generator's one transaction, in exactly the formats the store writes:
 * times as "%Y-%m-%dT%H:%M:%S%:z" in the local zone ("…T08:30:00+08:00"),
 * enums as their nicks, a REF of 0 and a NaN double as NULL. test-gen.c
 * reads them back through the store and has it write them again to check.
 * (A third or more of the time here, by perf, goes to the CHECK (x IN (…))
 * constraints: SQLite builds a temporary b-tree for each list on every row.) */

typedef struct
{
  gint64              at;
  LinliDiaryEntryKind  kind;
  gint64              worker_id;
  const char         *text;
  const char         *from_value;
  const char         *to_value;
} GenEvent;

typedef struct
{
  GenEvent events[8];
  guint    n_events;
} Timeline;

static void
add_event (Timeline           *timeline,
           gint64              at,
           LinliDiaryEntryKind  kind,
           gint64              worker_id,
           const char         *text,
           const char         *from_value,
           const char         *to_value)
{
  GenEvent *event;

  g_assert (timeline->n_events < G_N_ELEMENTS (timeline->events));
  event = &timeline->events[timeline->n_events++];
  event->at = at;
  event->kind = kind;
  event->worker_id = worker_id;
  event->text = text;
  event->from_value = from_value;
  event->to_value = to_value;
}

/* Inserts an event somewhere between the existing ones, keeping them in time order. */
static void
add_extra_event (Gen      *gen,
                 Timeline *timeline,
                 gboolean  resolved)
{
  guint after = g_rand_int_range (gen->rand, 0, timeline->n_events);
  GenEvent *prev = &timeline->events[after];
  gint64 at;
  LinliDiaryEntryKind kind;
  const char *text;
  double p = g_rand_double (gen->rand);

  g_assert (timeline->n_events < G_N_ELEMENTS (timeline->events));
  if (after + 1 < timeline->n_events)
    at = seconds_between (gen, prev->at, timeline->events[after + 1].at);
  else
    at = prev->at + seconds_between (gen, 5 * 60, HOUR);

  if (resolved && after + 1 == timeline->n_events)
    kind = LINLI_DIARY_ENTRY_KIND_FEEDBACK, text = PICK (gen, feedback_texts);
  else if (p < 0.6 || after == 0)
    kind = LINLI_DIARY_ENTRY_KIND_NOTE, text = PICK (gen, note_texts);
  else
    kind = LINLI_DIARY_ENTRY_KIND_VISIT, text = PICK (gen, visit_texts);

  memmove (&timeline->events[after + 2], &timeline->events[after + 1],
           (timeline->n_events - after - 1) * sizeof (GenEvent));
  timeline->n_events++;
  timeline->events[after + 1] = (GenEvent) { at, kind, prev->worker_id, text, NULL, NULL };
}

static int
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  /* Every text here is a literal or outlives the statement's step. */
  return text ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC)
              : sqlite3_bind_null (stmt, index);
}

static int
bind_ref (sqlite3_stmt *stmt,
          int           index,
          gint64        id)
{
  return id ? sqlite3_bind_int64 (stmt, index, id) : sqlite3_bind_null (stmt, index);
}

static int
bind_time (Gen          *gen,
           sqlite3_stmt *stmt,
           int           index,
           gint64        unix_time)
{
  char buf[32];

  if (unix_time == 0)
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, format_time (gen, unix_time, buf), -1, SQLITE_TRANSIENT);
}

static gboolean
step (Gen           *gen,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return linli_store_fail (gen->store, rc, error);
  return TRUE;
}

static gboolean
write_cases (Gen     *gen,
             GError **error)
{
  sqlite3 *db = linli_store_get_db (gen->store);
  g_autoptr(sqlite3_stmt) case_stmt = NULL;
  g_autoptr(sqlite3_stmt) event_stmt = NULL;
  g_autoptr(GArray) case_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), gen->n_cases);
  const char *status_nicks[LINLI_CASE_STATUS_DUPLICATE + 1];
  const char *urgency_nicks[LINLI_URGENCY_URGENT + 1];
  const char *level_nicks[LINLI_RESOLUTION_LEVEL_SUBDISTRICT + 1];
  const char *satisfaction_nicks[LINLI_SATISFACTION_DISSATISFIED + 1];
  const char *kind_nicks[LINLI_DIARY_ENTRY_KIND_FEEDBACK + 1];
  /* The reports are spread evenly over the span, each at a random moment of
   * its own slot, so they come in time order and case numbers follow them. */
  double slot = (double) (SPAN_DAYS * (gint64) DAY - 2 * HOUR) / MAX (gen->n_cases, 1);
  int year = 0, rc;
  guint number = 0;

  for (guint i = 0; i < G_N_ELEMENTS (status_nicks); i++)
    status_nicks[i] = enum_nick (LINLI_TYPE_CASE_STATUS, i);
  for (guint i = 0; i < G_N_ELEMENTS (urgency_nicks); i++)
    urgency_nicks[i] = enum_nick (LINLI_TYPE_URGENCY, i);
  for (guint i = 0; i < G_N_ELEMENTS (level_nicks); i++)
    level_nicks[i] = enum_nick (LINLI_TYPE_RESOLUTION_LEVEL, i);
  for (guint i = 0; i < G_N_ELEMENTS (satisfaction_nicks); i++)
    satisfaction_nicks[i] = enum_nick (LINLI_TYPE_SATISFACTION, i);
  for (guint i = 0; i < G_N_ELEMENTS (kind_nicks); i++)
    kind_nicks[i] = enum_nick (LINLI_TYPE_DIARY_ENTRY_KIND, i);

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO case_record (number, title, description, category, subcategory,"
                           " source, reporter_id, building_id, address, lat, lon, grid_id, grid_overridden,"
                           " urgency, worker_id, responsible_unit, reported_at, due_at, status,"
                           " resolution_level, resolution, resolved_at, satisfaction, revisited_at,"
                           " revisit_notes, duplicate_of)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                           " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
                           -1, &case_stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO case_event (case_id, at, worker_id, kind, text, from_value, to_value)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             -1, &event_stmt, NULL);
  if (rc != SQLITE_OK)
    return linli_store_fail (gen->store, rc, error);

  for (guint i = 0; i < gen->n_cases; i++)
    {
      const Category *category = &PICK (gen, categories);
      int sub = g_rand_int_range (gen->rand, 0, 4);
      gint64 reported = gen->start + (gint64) (i * slot + g_rand_double (gen->rand) * slot);
      GenBuilding *building = NULL;
      GenGrid *grid;
      guint grid_index;
      double lon, lat, u;
      int source_pick = between (gen, 0, 99);
      const char *source = sources[0].name;
      gint64 reporter = 0, worker = 0, duplicate_of = 0, due, t;
      LinliUrgency urgency;
      LinliCaseStatus status = LINLI_CASE_STATUS_REGISTERED;
      LinliResolutionLevel level = LINLI_RESOLUTION_LEVEL_NONE;
      LinliSatisfaction satisfaction = LINLI_SATISFACTION_NONE;
      gint64 resolved_at = 0, revisited_at = 0;
      const char *resolution = NULL, *revisit = NULL, *unit;
      gboolean overridden = FALSE;
      Timeline timeline = { .n_events = 0 };
      char number_text[32], title[256], description[512], address[64];
      double fate;
      guint target;

      if (year_of (gen, reported) != year)
        {
          year = year_of (gen, reported);
          number = 0;
        }
      g_snprintf (number_text, sizeof number_text, "%d-%04u", year, ++number);

      for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
        {
          source_pick -= sources[s].weight;
          if (source_pick < 0)
            {
              source = sources[s].name;
              break;
            }
        }

      if (chance (gen, 0.9))
        {
          building = &g_array_index (gen->buildings, GenBuilding,
                                     g_rand_int_range (gen->rand, 0, gen->buildings->len));
          grid_index = building->grid;
          grid = &g_array_index (gen->grids, GenGrid, grid_index);
          lon = building->lon;
          lat = building->lat;
          int entrance = between (gen, 1, building->units);
          int storey = between (gen, 1, building->floors);
          const char *side = chance (gen, 0.5) ? "东" : "西";

          g_snprintf (address, sizeof address, "%d单元%d楼%s户", entrance, storey, side);
          g_snprintf (title, sizeof title, "%u号楼%s", building->number, category->phrases[sub]);
        }
      else
        {
          const char *place = PICK (gen, places);

          grid_index = g_rand_int_range (gen->rand, 0, gen->grids->len);
          grid = &g_array_index (gen->grids, GenGrid, grid_index);
          if (!point_in_grid (gen, grid, &lon, &lat))
            lon = lat = NAN;
          g_strlcpy (address, place, sizeof address);
          g_snprintf (title, sizeof title, "%s%s", place, category->phrases[sub]);
        }
      g_snprintf (description, sizeof description, "居民反映%s，%s。", title, PICK (gen, description_tails));

      if (!g_str_equal (source, "网格巡查") && gen->residents->len > 0 && chance (gen, 0.8))
        reporter = g_array_index (gen->residents, gint64,
                                  g_rand_int_range (gen->rand, 0, gen->residents->len));

      u = g_rand_double (gen->rand);
      urgency = u < 0.15 ? LINLI_URGENCY_LOW : u < 0.80 ? LINLI_URGENCY_NORMAL
                : u < 0.95 ? LINLI_URGENCY_HIGH : LINLI_URGENCY_URGENT;
      switch (urgency)
        {
        case LINLI_URGENCY_URGENT: due = reported + 4 * HOUR; break;
        case LINLI_URGENCY_HIGH:   due = reported + DAY; break;
        case LINLI_URGENCY_LOW:    due = reported + 7 * DAY; break;
        case LINLI_URGENCY_NORMAL:
        default:                   due = reported + 3 * DAY; break;
        }
      unit = chance (gen, 0.8) ? category->unit : PICK (gen, other_units);

      /* The workflow, stopped wherever the base date ("now") falls. */
      add_event (&timeline, reported, LINLI_DIARY_ENTRY_KIND_STATUS, 0, NULL, NULL,
                 status_nicks[LINLI_CASE_STATUS_REGISTERED]);
      fate = g_rand_double (gen->rand);
      t = reported;
      if (fate < 0.02)
        {
          t += seconds_between (gen, HOUR, 2 * DAY);
          if (t <= gen->base)
            {
              status = LINLI_CASE_STATUS_VOID;
              add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, 0, "经核实情况不属实",
                         status_nicks[LINLI_CASE_STATUS_REGISTERED], status_nicks[status]);
            }
        }
      else if (fate < 0.04 && case_ids->len > 0)
        {
          guint window = MIN (case_ids->len, 200);
          gint64 original = g_array_index (case_ids, gint64,
                                           case_ids->len - 1 - g_rand_int_range (gen->rand, 0, window));
          t += seconds_between (gen, 10 * 60, DAY);
          if (t <= gen->base)
            {
              status = LINLI_CASE_STATUS_DUPLICATE;
              duplicate_of = original;
              add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, 0, "与已登记事件重复",
                         status_nicks[LINLI_CASE_STATUS_REGISTERED], status_nicks[status]);
            }
        }
      else
        {
          gboolean same_day = chance (gen, 0.3);
          gint64 assignee = chance (gen, 0.85) ? grid->worker_id : grid->member_id;

          do
            {
              t += seconds_between (gen, 10 * 60, 4 * HOUR);
              if (t > gen->base)
                break;
              status = LINLI_CASE_STATUS_ASSIGNED;
              worker = assignee;
              add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, worker, NULL,
                         status_nicks[LINLI_CASE_STATUS_REGISTERED], status_nicks[status]);

              if (fate < 0.07)
                {
                  t += seconds_between (gen, HOUR, 3 * DAY);
                  if (t > gen->base)
                    break;
                  add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, worker, "等待业主回家后处理",
                             status_nicks[status], status_nicks[LINLI_CASE_STATUS_SUSPENDED]);
                  status = LINLI_CASE_STATUS_SUSPENDED;
                  break;
                }

              if (!same_day)
                {
                  t += seconds_between (gen, 10 * 60, DAY);
                  if (t > gen->base)
                    break;
                  add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, worker, NULL,
                             status_nicks[status], status_nicks[LINLI_CASE_STATUS_IN_PROGRESS]);
                  status = LINLI_CASE_STATUS_IN_PROGRESS;
                }

              if (fate < 0.12)
                {
                  t += seconds_between (gen, HOUR, 2 * DAY);
                  if (t > gen->base)
                    break;
                  add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, worker, NULL,
                             status_nicks[status], status_nicks[LINLI_CASE_STATUS_ESCALATED]);
                  add_event (&timeline, t + 60, LINLI_DIARY_ENTRY_KIND_ESCALATION, worker,
                             PICK (gen, escalation_texts), NULL, NULL);
                  status = LINLI_CASE_STATUS_ESCALATED;
                  level = LINLI_RESOLUTION_LEVEL_SUBDISTRICT;
                  break;
                }

              /* Some drag on: still open, and overdue, at the base date. */
              if (fate < 0.135 && status == LINLI_CASE_STATUS_IN_PROGRESS)
                break;

              t += same_day ? seconds_between (gen, 10 * 60, 6 * HOUR)
                            : seconds_between (gen, HOUR, 5 * DAY);
              if (t > gen->base)
                break;
              add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, worker, NULL,
                         status_nicks[status], status_nicks[LINLI_CASE_STATUS_RESOLVED]);
              status = LINLI_CASE_STATUS_RESOLVED;
              resolved_at = t;
              resolution = PICK (gen, resolutions);
              u = g_rand_double (gen->rand);
              level = u < 0.7 ? LINLI_RESOLUTION_LEVEL_GRID
                      : u < 0.95 ? LINLI_RESOLUTION_LEVEL_COMMUNITY
                      : LINLI_RESOLUTION_LEVEL_SUBDISTRICT;

              if (!chance (gen, 0.75))
                break;
              t += seconds_between (gen, DAY, 7 * DAY);
              if (t > gen->base)
                break;
              add_event (&timeline, t, LINLI_DIARY_ENTRY_KIND_STATUS, worker, NULL,
                         status_nicks[status], status_nicks[LINLI_CASE_STATUS_REVISITED]);
              status = LINLI_CASE_STATUS_REVISITED;
              revisited_at = t;
              revisit = PICK (gen, revisit_notes);
              u = g_rand_double (gen->rand);
              satisfaction = u < 0.8 ? LINLI_SATISFACTION_SATISFIED
                             : u < 0.95 ? LINLI_SATISFACTION_BASICALLY_SATISFIED
                             : LINLI_SATISFACTION_DISSATISFIED;
            }
          while (FALSE);
        }

      /* Between two and five entries: notes, visits and feedback fill in. */
      target = between (gen, 2, 5);
      while (timeline.n_events < target)
        add_extra_event (gen, &timeline, resolved_at != 0);

      if (chance (gen, 0.01) && gen->grids->len > 1)
        {
          /* Someone moved it to the next grid by hand. */
          grid_index = (grid_index + 1) % gen->grids->len;
          overridden = TRUE;
        }

      bind_text (case_stmt, 1, number_text);
      bind_text (case_stmt, 2, title);
      bind_text (case_stmt, 3, description);
      bind_text (case_stmt, 4, category->category);
      bind_text (case_stmt, 5, category->subcategories[sub]);
      bind_text (case_stmt, 6, source);
      bind_ref (case_stmt, 7, reporter);
      bind_ref (case_stmt, 8, building ? building->id : 0);
      bind_text (case_stmt, 9, address);
      if (isnan (lat))
        {
          sqlite3_bind_null (case_stmt, 10);
          sqlite3_bind_null (case_stmt, 11);
        }
      else
        {
          sqlite3_bind_double (case_stmt, 10, lat);
          sqlite3_bind_double (case_stmt, 11, lon);
        }
      bind_ref (case_stmt, 12, g_array_index (gen->grids, GenGrid, grid_index).id);
      sqlite3_bind_int (case_stmt, 13, overridden ? 1 : 0);
      bind_text (case_stmt, 14, urgency_nicks[urgency]);
      bind_ref (case_stmt, 15, worker);
      bind_text (case_stmt, 16, worker ? unit : NULL);
      bind_time (gen, case_stmt, 17, reported);
      bind_time (gen, case_stmt, 18, due);
      bind_text (case_stmt, 19, status_nicks[status]);
      bind_text (case_stmt, 20, level_nicks[level]);
      bind_text (case_stmt, 21, resolution);
      bind_time (gen, case_stmt, 22, resolved_at);
      bind_text (case_stmt, 23, satisfaction_nicks[satisfaction]);
      bind_time (gen, case_stmt, 24, revisited_at);
      bind_text (case_stmt, 25, revisit);
      bind_ref (case_stmt, 26, duplicate_of);
      if (!step (gen, case_stmt, error))
        return FALSE;

      {
        gint64 case_id = sqlite3_last_insert_rowid (db);

        g_array_append_val (case_ids, case_id);
        for (guint e = 0; e < timeline.n_events; e++)
          {
            GenEvent *event = &timeline.events[e];

            sqlite3_bind_int64 (event_stmt, 1, case_id);
            bind_time (gen, event_stmt, 2, event->at);
            bind_ref (event_stmt, 3, event->worker_id);
            bind_text (event_stmt, 4, kind_nicks[event->kind]);
            bind_text (event_stmt, 5, event->text);
            bind_text (event_stmt, 6, event->from_value);
            bind_text (event_stmt, 7, event->to_value);
            if (!step (gen, event_stmt, error))
              return FALSE;
          }
      }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

static void
gen_clear (Gen *gen)
{
  for (guint i = 0; gen->grids && i < gen->grids->len; i++)
    g_clear_pointer (&g_array_index (gen->grids, GenGrid, i).shape, linli_geometry_free);
  g_clear_pointer (&gen->grids, g_array_unref);
  g_clear_pointer (&gen->buildings, g_array_unref);
  g_clear_pointer (&gen->residents, g_array_unref);
  g_clear_pointer (&gen->volunteers, g_array_unref);
  g_clear_pointer (&gen->organisations, g_array_unref);
  g_clear_pointer (&gen->members, g_array_unref);
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->tz, g_time_zone_unref);
  g_clear_object (&gen->store);
}

/**
 * linli_gen_write:
 * @path: a file that does not exist yet
 * @n_cases: how many cases; the rest of the community grows with it
 * @seed: the same seed writes the same community
 *
 * Writes a synthetic community into a new Linli database: about
 * max(10, @n_cases / 1000) management grids (at most 100) and three sentiment
 * grids, their buildings and workers, residents, @n_cases cases with two to
 * five timeline entries each, activities with their volunteers, and
 * anti-fraud outreach events. Nothing is left at @path on failure.
 */
gboolean
linli_gen_write (const char  *path,
                 guint        n_cases,
                 guint32      seed,
                 GError     **error)
{
  Gen gen = { 0, };
  g_autoptr(GDateTime) base = NULL;
  GStatBuf st;
  guint n_grids = CLAMP (n_cases / 1000, 10, 100);
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* lstat: a dangling link counts too, or SQLite would create its target. */
  if (g_lstat (path, &st) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "“%s” already exists: the generator writes only new databases", path);
      return FALSE;
    }
  if (errno != ENOENT)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot use “%s”: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  gen.store = linli_store_open (path, error);
  if (gen.store == NULL)
    {
      remove_database (path);
      return FALSE;
    }

  gen.rand = g_rand_new_with_seed (seed);
  gen.tz = g_time_zone_new_local ();
  base = g_date_time_new_from_iso8601 (LINLI_GEN_BASE_DATE, NULL);
  gen.base = g_date_time_to_unix (base);
  gen.start = gen.base - SPAN_DAYS * (gint64) DAY;
  gen.n_cases = n_cases;
  gen.grids = g_array_new (FALSE, TRUE, sizeof (GenGrid));
  gen.buildings = g_array_new (FALSE, TRUE, sizeof (GenBuilding));
  gen.residents = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.volunteers = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.organisations = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.members = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A new file that is deleted on any failure: nothing to protect until the
   * end, so spare the fsyncs and give the index updates room. */
  ok = sqlite3_exec (linli_store_get_db (gen.store),
                     "PRAGMA synchronous = OFF; PRAGMA cache_size = -16384", NULL, NULL, NULL) == SQLITE_OK ||
       linli_store_fail (gen.store, sqlite3_errcode (linli_store_get_db (gen.store)), error);

  ok = ok && linli_store_begin (gen.store, error);
  if (ok)
    {
      ok = write_grids (&gen, n_grids, error) &&
           write_community (&gen, error) &&
           write_organisations (&gen, error) &&
           write_residents (&gen, CLAMP (n_cases / 4, 100, 50000), error) &&
           write_volunteers (&gen, CLAMP (n_cases / 100, 40, 2000), error) &&
           write_cases (&gen, error) &&
           write_activities (&gen, CLAMP (n_cases / 200, 12, 2000), error) &&
           write_outreach (&gen, CLAMP (n_cases / 500, 6, 400), error);
      if (ok)
        ok = linli_store_commit (gen.store, error);
      else
        linli_store_rollback (gen.store);
    }
  /* Everything in the main file, as a user would receive it. */
  ok = ok && (sqlite3_exec (linli_store_get_db (gen.store),
                            "PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE)",
                            NULL, NULL, NULL) == SQLITE_OK ||
              linli_store_fail (gen.store, sqlite3_errcode (linli_store_get_db (gen.store)), error));

  gen_clear (&gen);
  if (!ok)
    remove_database (path);
  return ok;
}
