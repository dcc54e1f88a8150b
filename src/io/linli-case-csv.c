/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "linli-case-csv.h"
#include "linli-mask.h"
#include "linli-record-list.h"
#include "linli-records.h"

/* Cases to and from the sheets offices keep in Excel and WPS.
 *
 * The export writes one row per case with Chinese headers, names instead of
 * ids and labels instead of nicks, so that the file reads as a ledger
 * (台账). The import reads such a file back, or one the office made
 * itself: every row is checked first and nothing is written unless all of
 * them are right; then all of them are written in one transaction. */

#define MAX_TITLE_LENGTH 100    /* characters: the schema's limit */
#define DEFAULT_SOURCE   "其他"  /* a case needs a source; a file may have none */
#define NO_TIME          G_MININT64
#define NUMBER_BATCH     250    /* case numbers looked up per query (3 parameters each) */

G_DEFINE_QUARK (linli-case-csv-error-quark, linli_case_csv_error)

/* The headers of the export: the office's words, the same in every locale,
 * so that a file reads the same wherever it was written. */
static const char * const headers[LINLI_N_CASE_FIELDS] = {
  "编号", "标题", "描述", "类别", "子类别", "来源", "反映人", "联系电话", "楼栋", "地址",
  "网格", "紧急程度", "网格员", "责任单位", "登记时间", "办理时限", "状态", "办结层级",
  "办理结果", "办结时间", "满意度", "回访时间", "回访情况", "重复于",
};

/* Other names a column of an office's own sheet goes by. Compared after
 * normalize_header(): lower case, without spaces, '_', '-' and '*', and
 * without a note in brackets. */
static const struct
{
  LinliCaseField  field;
  const char     *name;
} header_aliases[] = {
  { LINLI_CASE_FIELD_NUMBER, "事件编号" },
  { LINLI_CASE_FIELD_NUMBER, "案件编号" },
  { LINLI_CASE_FIELD_NUMBER, "工单号" },
  { LINLI_CASE_FIELD_NUMBER, "number" },
  { LINLI_CASE_FIELD_NUMBER, "casenumber" },
  { LINLI_CASE_FIELD_NUMBER, "no." },
  { LINLI_CASE_FIELD_TITLE, "事件标题" },
  { LINLI_CASE_FIELD_TITLE, "事件名称" },
  { LINLI_CASE_FIELD_TITLE, "问题" },
  { LINLI_CASE_FIELD_TITLE, "反映问题" },
  { LINLI_CASE_FIELD_TITLE, "主要问题" },
  { LINLI_CASE_FIELD_TITLE, "事项" },
  { LINLI_CASE_FIELD_TITLE, "诉求" },
  { LINLI_CASE_FIELD_TITLE, "主题" },
  { LINLI_CASE_FIELD_TITLE, "title" },
  { LINLI_CASE_FIELD_TITLE, "subject" },
  { LINLI_CASE_FIELD_DESCRIPTION, "事件描述" },
  { LINLI_CASE_FIELD_DESCRIPTION, "问题描述" },
  { LINLI_CASE_FIELD_DESCRIPTION, "详细描述" },
  { LINLI_CASE_FIELD_DESCRIPTION, "诉求内容" },
  { LINLI_CASE_FIELD_DESCRIPTION, "具体内容" },
  { LINLI_CASE_FIELD_DESCRIPTION, "内容" },
  { LINLI_CASE_FIELD_DESCRIPTION, "详情" },
  { LINLI_CASE_FIELD_DESCRIPTION, "情况说明" },
  { LINLI_CASE_FIELD_DESCRIPTION, "description" },
  { LINLI_CASE_FIELD_DESCRIPTION, "details" },
  { LINLI_CASE_FIELD_CATEGORY, "类型" },
  { LINLI_CASE_FIELD_CATEGORY, "分类" },
  { LINLI_CASE_FIELD_CATEGORY, "大类" },
  { LINLI_CASE_FIELD_CATEGORY, "事件类别" },
  { LINLI_CASE_FIELD_CATEGORY, "事件类型" },
  { LINLI_CASE_FIELD_CATEGORY, "问题类别" },
  { LINLI_CASE_FIELD_CATEGORY, "问题类型" },
  { LINLI_CASE_FIELD_CATEGORY, "category" },
  { LINLI_CASE_FIELD_CATEGORY, "type" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "小类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "子类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "细类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "二级分类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "subcategory" },
  { LINLI_CASE_FIELD_SOURCE, "事件来源" },
  { LINLI_CASE_FIELD_SOURCE, "问题来源" },
  { LINLI_CASE_FIELD_SOURCE, "渠道" },
  { LINLI_CASE_FIELD_SOURCE, "反映渠道" },
  { LINLI_CASE_FIELD_SOURCE, "source" },
  { LINLI_CASE_FIELD_SOURCE, "channel" },
  { LINLI_CASE_FIELD_REPORTER, "反映人姓名" },
  { LINLI_CASE_FIELD_REPORTER, "诉求人" },
  { LINLI_CASE_FIELD_REPORTER, "来电人" },
  { LINLI_CASE_FIELD_REPORTER, "报告人" },
  { LINLI_CASE_FIELD_REPORTER, "联系人" },
  { LINLI_CASE_FIELD_REPORTER, "居民姓名" },
  { LINLI_CASE_FIELD_REPORTER, "姓名" },
  { LINLI_CASE_FIELD_REPORTER, "reporter" },
  { LINLI_CASE_FIELD_REPORTER, "name" },
  { LINLI_CASE_FIELD_PHONE, "电话" },
  { LINLI_CASE_FIELD_PHONE, "手机" },
  { LINLI_CASE_FIELD_PHONE, "手机号" },
  { LINLI_CASE_FIELD_PHONE, "手机号码" },
  { LINLI_CASE_FIELD_PHONE, "电话号码" },
  { LINLI_CASE_FIELD_PHONE, "联系方式" },
  { LINLI_CASE_FIELD_PHONE, "phone" },
  { LINLI_CASE_FIELD_PHONE, "telephone" },
  { LINLI_CASE_FIELD_PHONE, "mobile" },
  { LINLI_CASE_FIELD_BUILDING, "楼号" },
  { LINLI_CASE_FIELD_BUILDING, "楼栋号" },
  { LINLI_CASE_FIELD_BUILDING, "楼宇" },
  { LINLI_CASE_FIELD_BUILDING, "building" },
  { LINLI_CASE_FIELD_ADDRESS, "详细地址" },
  { LINLI_CASE_FIELD_ADDRESS, "住址" },
  { LINLI_CASE_FIELD_ADDRESS, "位置" },
  { LINLI_CASE_FIELD_ADDRESS, "地点" },
  { LINLI_CASE_FIELD_ADDRESS, "发生地点" },
  { LINLI_CASE_FIELD_ADDRESS, "门牌" },
  { LINLI_CASE_FIELD_ADDRESS, "address" },
  { LINLI_CASE_FIELD_ADDRESS, "location" },
  { LINLI_CASE_FIELD_GRID, "所属网格" },
  { LINLI_CASE_FIELD_GRID, "网格名称" },
  { LINLI_CASE_FIELD_GRID, "grid" },
  { LINLI_CASE_FIELD_URGENCY, "紧急度" },
  { LINLI_CASE_FIELD_URGENCY, "缓急" },
  { LINLI_CASE_FIELD_URGENCY, "优先级" },
  { LINLI_CASE_FIELD_URGENCY, "urgency" },
  { LINLI_CASE_FIELD_URGENCY, "priority" },
  { LINLI_CASE_FIELD_WORKER, "处理人" },
  { LINLI_CASE_FIELD_WORKER, "负责人" },
  { LINLI_CASE_FIELD_WORKER, "经办人" },
  { LINLI_CASE_FIELD_WORKER, "办理人" },
  { LINLI_CASE_FIELD_WORKER, "承办人" },
  { LINLI_CASE_FIELD_WORKER, "worker" },
  { LINLI_CASE_FIELD_WORKER, "gridworker" },
  { LINLI_CASE_FIELD_WORKER, "assignee" },
  { LINLI_CASE_FIELD_UNIT, "承办单位" },
  { LINLI_CASE_FIELD_UNIT, "办理单位" },
  { LINLI_CASE_FIELD_UNIT, "处置单位" },
  { LINLI_CASE_FIELD_UNIT, "unit" },
  { LINLI_CASE_FIELD_UNIT, "responsibleunit" },
  { LINLI_CASE_FIELD_REPORTED_AT, "时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "日期" },
  { LINLI_CASE_FIELD_REPORTED_AT, "登记日期" },
  { LINLI_CASE_FIELD_REPORTED_AT, "反映时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "上报时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "受理时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "发生时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "reported" },
  { LINLI_CASE_FIELD_REPORTED_AT, "reportedat" },
  { LINLI_CASE_FIELD_REPORTED_AT, "date" },
  { LINLI_CASE_FIELD_REPORTED_AT, "time" },
  { LINLI_CASE_FIELD_DUE_AT, "时限" },
  { LINLI_CASE_FIELD_DUE_AT, "办结时限" },
  { LINLI_CASE_FIELD_DUE_AT, "截止时间" },
  { LINLI_CASE_FIELD_DUE_AT, "期限" },
  { LINLI_CASE_FIELD_DUE_AT, "due" },
  { LINLI_CASE_FIELD_DUE_AT, "dueat" },
  { LINLI_CASE_FIELD_DUE_AT, "deadline" },
  { LINLI_CASE_FIELD_STATUS, "办理状态" },
  { LINLI_CASE_FIELD_STATUS, "处理状态" },
  { LINLI_CASE_FIELD_STATUS, "事件状态" },
  { LINLI_CASE_FIELD_STATUS, "status" },
  { LINLI_CASE_FIELD_STATUS, "state" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "化解层级" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "解决层级" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "层级" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "resolutionlevel" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "level" },
  { LINLI_CASE_FIELD_RESOLUTION, "处理结果" },
  { LINLI_CASE_FIELD_RESOLUTION, "处置结果" },
  { LINLI_CASE_FIELD_RESOLUTION, "办理情况" },
  { LINLI_CASE_FIELD_RESOLUTION, "处理情况" },
  { LINLI_CASE_FIELD_RESOLUTION, "结果" },
  { LINLI_CASE_FIELD_RESOLUTION, "resolution" },
  { LINLI_CASE_FIELD_RESOLUTION, "result" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "完成时间" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "解决时间" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "resolved" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "resolvedat" },
  { LINLI_CASE_FIELD_SATISFACTION, "群众满意度" },
  { LINLI_CASE_FIELD_SATISFACTION, "评价" },
  { LINLI_CASE_FIELD_SATISFACTION, "satisfaction" },
  { LINLI_CASE_FIELD_REVISITED_AT, "回访日期" },
  { LINLI_CASE_FIELD_REVISITED_AT, "revisited" },
  { LINLI_CASE_FIELD_REVISITED_AT, "revisitedat" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "回访记录" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "回访内容" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "回访意见" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "revisitnotes" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "revisit" },
  { LINLI_CASE_FIELD_DUPLICATE_OF, "原事件编号" },
  { LINLI_CASE_FIELD_DUPLICATE_OF, "重复事件编号" },
  { LINLI_CASE_FIELD_DUPLICATE_OF, "duplicateof" },
};

/* Headers no alias matches whole, by a word they contain: the more
 * particular first (网格员 before 网格). */
static const struct
{
  LinliCaseField  field;
  const char     *part;
} header_parts[] = {
  { LINLI_CASE_FIELD_PHONE, "电话" },
  { LINLI_CASE_FIELD_PHONE, "手机" },
  { LINLI_CASE_FIELD_WORKER, "网格员" },
  { LINLI_CASE_FIELD_REVISITED_AT, "回访时间" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "办结时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "登记时间" },
  { LINLI_CASE_FIELD_DUE_AT, "时限" },
  { LINLI_CASE_FIELD_SATISFACTION, "满意" },
  { LINLI_CASE_FIELD_ADDRESS, "地址" },
  { LINLI_CASE_FIELD_BUILDING, "楼栋" },
};

/* ------------------------------------------------------------------------ */
/* Fields */

/**
 * linli_case_field_label:
 *
 * Returns: what @field is called in the import preview
 */
const char *
linli_case_field_label (LinliCaseField field)
{
  switch (field)
    {
    case LINLI_CASE_FIELD_NUMBER:           return C_("case field", "Number");
    case LINLI_CASE_FIELD_TITLE:            return C_("case field", "Title");
    case LINLI_CASE_FIELD_DESCRIPTION:      return C_("case field", "Description");
    case LINLI_CASE_FIELD_CATEGORY:         return C_("case field", "Category");
    case LINLI_CASE_FIELD_SUBCATEGORY:      return C_("case field", "Subcategory");
    case LINLI_CASE_FIELD_SOURCE:           return C_("case field", "Source");
    case LINLI_CASE_FIELD_REPORTER:         return C_("case field", "Reporter");
    case LINLI_CASE_FIELD_PHONE:            return C_("case field", "Reporter’s phone");
    case LINLI_CASE_FIELD_BUILDING:         return C_("case field", "Building");
    case LINLI_CASE_FIELD_ADDRESS:          return C_("case field", "Address");
    case LINLI_CASE_FIELD_GRID:             return C_("case field", "Grid");
    case LINLI_CASE_FIELD_URGENCY:          return C_("case field", "Urgency");
    case LINLI_CASE_FIELD_WORKER:           return C_("case field", "Grid worker");
    case LINLI_CASE_FIELD_UNIT:             return C_("case field", "Responsible unit");
    case LINLI_CASE_FIELD_REPORTED_AT:      return C_("case field", "Reported");
    case LINLI_CASE_FIELD_DUE_AT:           return C_("case field", "Due");
    case LINLI_CASE_FIELD_STATUS:           return C_("case field", "Status");
    case LINLI_CASE_FIELD_RESOLUTION_LEVEL: return C_("case field", "Resolution level");
    case LINLI_CASE_FIELD_RESOLUTION:       return C_("case field", "Resolution");
    case LINLI_CASE_FIELD_RESOLVED_AT:      return C_("case field", "Resolved");
    case LINLI_CASE_FIELD_SATISFACTION:     return C_("case field", "Satisfaction");
    case LINLI_CASE_FIELD_REVISITED_AT:     return C_("case field", "Revisited");
    case LINLI_CASE_FIELD_REVISIT_NOTES:    return C_("case field", "Revisit notes");
    case LINLI_CASE_FIELD_DUPLICATE_OF:     return C_("case field", "Duplicate of");
    case LINLI_CASE_FIELD_IGNORE:           return C_("case field", "Not imported");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * linli_case_field_header:
 *
 * Returns: the header of the column the export writes @field to, "标题" …
 */
const char *
linli_case_field_header (LinliCaseField field)
{
  g_return_val_if_fail (field < LINLI_N_CASE_FIELDS, NULL);
  return headers[field];
}

/* ------------------------------------------------------------------------ */
/* Values of the enumerations */

typedef struct
{
  GType        (*get_type) (void);
  const char  *(*label) (int value);
  const char   *aliases[9];   /* per value: other words for it, '|' between them */
} EnumSpec;

static const char *
status_label (int value)
{
  return linli_case_status_label (value);
}

static const char *
urgency_label (int value)
{
  return linli_urgency_label (value);
}

static const char *
level_label (int value)
{
  return linli_resolution_level_label (value);
}

static const char *
satisfaction_label (int value)
{
  return linli_satisfaction_label (value);
}

/* Labels are translated when they are written, so a file holds the words
 * of the locale it was exported in: the import knows the English labels
 * (the msgids), the Chinese ones and the office's usual words as well as
 * the current locale's and the nicks. */
static const EnumSpec status_spec = {
  linli_case_status_get_type, status_label, {
    "Registered|已登记|登记|待受理|待分派",
    "Assigned|已分派|分派|已派单|派单",
    "In Progress|处置中|办理中|处理中|进行中",
    "Resolved|已办结|办结|已解决|已完成|完成",
    "Revisited|已回访|回访",
    "Escalated|已上报|上报",
    "Suspended|挂起|已挂起",
    "Void|作废|已作废",
    "Duplicate|重复",
  }
};

static const EnumSpec urgency_spec = {
  linli_urgency_get_type, urgency_label, {
    "Low|低|不急",
    "Normal|一般|普通|正常",
    "High|较急|急|高",
    "Urgent|紧急|特急",
  }
};

static const EnumSpec level_spec = {
  linli_resolution_level_get_type, level_label, {
    "Not resolved|未办结",
    "Within the grid|网格内解决|网格内|网格",
    "Within the community|社区内解决|社区内|社区",
    "By the subdistrict|街道解决|街道",
  }
};

static const EnumSpec satisfaction_spec = {
  linli_satisfaction_get_type, satisfaction_label, {
    "Not asked|未回访|未评价",
    "Satisfied|满意|非常满意",
    "Basically satisfied|基本满意|比较满意",
    "Dissatisfied|不满意",
  }
};

typedef struct
{
  const EnumSpec *spec;
  GHashTable     *values;   /* lower-cased word → value + 1 */
  char           *choices;  /* the labels, for a message */
} EnumParser;

static void
enum_parser_add (EnumParser *parser,
                 const char *word,
                 int         value)
{
  char *key = g_ascii_strdown (word, -1);

  /* The first meaning of a word wins: a label before an alias. */
  if (g_hash_table_contains (parser->values, key))
    g_free (key);
  else
    g_hash_table_insert (parser->values, key, GINT_TO_POINTER (value + 1));
}

static void
enum_parser_init (EnumParser     *parser,
                  const EnumSpec *spec)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (spec->get_type ());
  g_autoptr(GString) choices = g_string_new (NULL);

  parser->spec = spec;
  parser->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;
      const char *label = spec->label (value);

      enum_parser_add (parser, label, value);
      enum_parser_add (parser, klass->values[i].value_nick, value);
      if (choices->len > 0)
        /* TRANSLATORS: between the items of a list, "满意、基本满意" */
        g_string_append (choices, C_("list separator", ", "));
      g_string_append (choices, label);
    }
  for (guint i = 0; i < klass->n_values && i < G_N_ELEMENTS (spec->aliases); i++)
    {
      g_auto(GStrv) words = spec->aliases[i] ? g_strsplit (spec->aliases[i], "|", -1) : NULL;
      for (guint j = 0; words != NULL && words[j] != NULL; j++)
        enum_parser_add (parser, words[j], klass->values[i].value);
    }
  parser->choices = g_string_free (g_steal_pointer (&choices), FALSE);
}

static void
enum_parser_clear (EnumParser *parser)
{
  g_clear_pointer (&parser->values, g_hash_table_unref);
  g_clear_pointer (&parser->choices, g_free);
}

static gboolean
enum_parser_parse (EnumParser *parser,
                   const char *text,
                   int        *value)
{
  g_autofree char *key = g_ascii_strdown (text, -1);
  gpointer found = g_hash_table_lookup (parser->values, key);

  if (found == NULL)
    return FALSE;
  *value = GPOINTER_TO_INT (found) - 1;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The grids, workers and buildings a file names */

typedef struct
{
  GPtrArray  *records;
  gint64     *ids;       /* of the records, the keys of by_id */
  GHashTable *by_id;     /* gint64 → record */
  GHashTable *by_name;   /* name → GPtrArray of the records of that name */
  GHashTable *by_code;   /* grids only: code → record */
  GHashTable *labels;    /* export: gint64 → what the file calls a record whose name is not its own */
} Index;

static void
index_init (Index      *index,
            LinliStore *store,
            GType       type)
{
  g_autoptr(GListModel) list = linli_store_list (store, type);
  guint n = g_list_model_get_n_items (list);

  index->records = g_ptr_array_new_full (n, g_object_unref);
  index->ids = g_new (gint64, MAX (n, 1));
  index->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  index->by_code = type == LINLI_TYPE_GRID ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;

  for (guint i = 0; i < n; i++)
    {
      LinliRecord *record = g_list_model_get_item (list, i);
      const char *name = linli_record_get_text (record, "name");
      GPtrArray *same_name;

      g_ptr_array_add (index->records, record);
      index->ids[i] = linli_record_get_id (record);
      g_hash_table_insert (index->by_id, &index->ids[i], record);

      same_name = g_hash_table_lookup (index->by_name, name);
      if (same_name == NULL)
        {
          same_name = g_ptr_array_new ();
          g_hash_table_insert (index->by_name, (gpointer) name, same_name);
        }
      g_ptr_array_add (same_name, record);

      if (index->by_code != NULL)
        g_hash_table_insert (index->by_code, (gpointer) linli_record_get_text (record, "code"), record);
    }
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->by_id, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_clear_pointer (&index->by_code, g_hash_table_unref);
  g_clear_pointer (&index->labels, g_hash_table_unref);
  g_clear_pointer (&index->records, g_ptr_array_unref);
  g_clear_pointer (&index->ids, g_free);
}

static LinliRecord *
index_get (Index  *index,
           gint64  id)
{
  return id != 0 ? g_hash_table_lookup (index->by_id, &id) : NULL;
}

static gboolean
index_name_is_shared (Index       *index,
                      LinliRecord *record)
{
  GPtrArray *same_name = g_hash_table_lookup (index->by_name, linli_record_get_text (record, "name"));

  return same_name != NULL && same_name->len > 1;
}

/* What tells a building apart from others of its name: its grid, by name
 * unless that is shared too. */
static char *
building_qualifier (LinliRecord *building,
                    Index       *grids)
{
  LinliRecord *grid = index_get (grids, linli_record_get_int (building, "grid_id"));

  if (grid == NULL)
    return NULL;
  return g_strdup (linli_record_get_text (grid, index_name_is_shared (grids, grid) ? "code" : "name"));
}

/* What tells a worker apart from others of the same name: the phone, unless
 * it is missing or shared, else the row id. Workers are the office's own
 * staff, not residents: their phones are not masked. */
static char *
worker_qualifier (LinliRecord *worker,
                  Index       *workers)
{
  GPtrArray *same_name = g_hash_table_lookup (workers->by_name, linli_record_get_text (worker, "name"));
  const char *phone = linli_record_get_text (worker, "phone");
  gboolean unique = phone != NULL && *phone != '\0';

  for (guint i = 0; unique && i < same_name->len; i++)
    if (g_ptr_array_index (same_name, i) != worker &&
        g_strcmp0 (linli_record_get_text (g_ptr_array_index (same_name, i), "phone"), phone) == 0)
      unique = FALSE;
  if (unique)
    return g_strdup (phone);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, linli_record_get_id (worker));
}

/* Names in an exported file say which record they mean: a grid whose name
 * is shared by its code, a building or a worker by its name and what tells
 * it apart, "3号楼（第一网格）", "王芳（13812341234）". */
static void
index_label_shared (Index  *index,
                    Index  *grids,
                    Index  *workers)
{
  index->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  for (guint i = 0; i < index->records->len; i++)
    {
      LinliRecord *record = g_ptr_array_index (index->records, i);
      g_autofree char *qualifier = NULL;

      if (!index_name_is_shared (index, record))
        continue;
      if (index == grids)
        {
          g_hash_table_insert (index->labels, &index->ids[i], g_strdup (linli_record_get_text (record, "code")));
          continue;
        }
      qualifier = index == workers ? worker_qualifier (record, workers) : building_qualifier (record, grids);
      if (qualifier != NULL)
        g_hash_table_insert (index->labels, &index->ids[i],
                             g_strdup_printf ("%s（%s）", linli_record_get_text (record, "name"), qualifier));
    }
}

static const char *
index_label (Index  *index,
             gint64  id)
{
  LinliRecord *record = index_get (index, id);
  const char *label;

  if (record == NULL)
    return NULL;
  label = g_hash_table_lookup (index->labels, &id);
  return label != NULL ? label : linli_record_get_text (record, "name");
}

/* ------------------------------------------------------------------------ */
/* Export */

/* The columns of a case the export reads, found once: 100,000 rows are
 * too many to look each one up by name. */
enum {
  COL_NUMBER, COL_TITLE, COL_DESCRIPTION, COL_CATEGORY, COL_SUBCATEGORY, COL_SOURCE,
  COL_REPORTER, COL_BUILDING, COL_ADDRESS, COL_GRID, COL_URGENCY, COL_WORKER, COL_UNIT,
  COL_REPORTED_AT, COL_DUE_AT, COL_STATUS, COL_LEVEL, COL_RESOLUTION, COL_RESOLVED_AT,
  COL_SATISFACTION, COL_REVISITED_AT, COL_REVISIT_NOTES, COL_DUPLICATE_OF,
  N_COLS
};

static const char * const export_columns[N_COLS] = {
  "number", "title", "description", "category", "subcategory", "source",
  "reporter_id", "building_id", "address", "grid_id", "urgency", "worker_id", "responsible_unit",
  "reported_at", "due_at", "status", "resolution_level", "resolution", "resolved_at",
  "satisfaction", "revisited_at", "revisit_notes", "duplicate_of",
};

typedef struct
{
  LinliCsvWriter *writer;
  GTimeZone      *local;
  guint           columns[N_COLS];
  Index           grids;
  Index           workers;
  Index           buildings;
  gboolean        mask_personal;
} Export;

#define TEXT(ex, record, col)  g_value_get_string (linli_record_peek_value (record, (ex)->columns[col]))
#define INT(ex, record, col)   g_value_get_int64 (linli_record_peek_value (record, (ex)->columns[col]))
#define ENUM(ex, record, col)  g_value_get_enum (linli_record_peek_value (record, (ex)->columns[col]))
#define TIME(ex, record, col)  ((GDateTime *) g_value_get_boxed (linli_record_peek_value (record, (ex)->columns[col])))

/* Days since 1970-01-01 to a date of the proleptic Gregorian calendar
 * (H. Hinnant's algorithm). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = (int) (z - era * 146097);
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

/* "2026-01-05 09:30" in the local time zone, without a GDateTime for it:
 * four times a row. */
static void
add_time (Export    *ex,
          GDateTime *time)
{
  gint64 utc, local, days, minutes;
  int year, month, day;
  char text[32];

  if (time == NULL)
    {
      linli_csv_writer_add (ex->writer, NULL);
      return;
    }
  utc = g_date_time_to_unix (time);
  local = utc + g_time_zone_get_offset (ex->local, g_time_zone_find_interval (ex->local, G_TIME_TYPE_UNIVERSAL, utc));
  days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  minutes = (local - days * 86400) / 60;
  civil_from_days (days, &year, &month, &day);
  g_snprintf (text, sizeof text, "%04d-%02d-%02d %02d:%02d", year, month, day,
              (int) (minutes / 60), (int) (minutes % 60));
  linli_csv_writer_add (ex->writer, text);
}

static void
write_case (Export      *ex,
            LinliRecord *record,
            LinliRecord *reporter,
            LinliRecord *original)
{
  LinliCsvWriter *writer = ex->writer;
  int level = ENUM (ex, record, COL_LEVEL);
  int satisfaction = ENUM (ex, record, COL_SATISFACTION);
  const char *name = reporter ? linli_record_get_text (reporter, "name") : NULL;
  const char *phone = reporter ? linli_record_get_text (reporter, "phone") : NULL;
  g_autofree char *masked_name = ex->mask_personal ? linli_mask_name (name) : NULL;
  g_autofree char *masked_phone = ex->mask_personal ? linli_mask_phone (phone) : NULL;

  linli_csv_writer_add (writer, TEXT (ex, record, COL_NUMBER));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_TITLE));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_DESCRIPTION));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_CATEGORY));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_SUBCATEGORY));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_SOURCE));
  linli_csv_writer_add (writer, ex->mask_personal ? masked_name : name);
  linli_csv_writer_add (writer, ex->mask_personal ? masked_phone : phone);
  linli_csv_writer_add (writer, index_label (&ex->buildings, INT (ex, record, COL_BUILDING)));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_ADDRESS));
  linli_csv_writer_add (writer, index_label (&ex->grids, INT (ex, record, COL_GRID)));
  linli_csv_writer_add (writer, linli_urgency_label (ENUM (ex, record, COL_URGENCY)));
  linli_csv_writer_add (writer, index_label (&ex->workers, INT (ex, record, COL_WORKER)));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_UNIT));
  add_time (ex, TIME (ex, record, COL_REPORTED_AT));
  add_time (ex, TIME (ex, record, COL_DUE_AT));
  linli_csv_writer_add (writer, linli_case_status_label (ENUM (ex, record, COL_STATUS)));
  /* "Not resolved" and "Not asked" are what an empty cell says already. */
  linli_csv_writer_add (writer, level != LINLI_RESOLUTION_LEVEL_NONE ? linli_resolution_level_label (level) : NULL);
  linli_csv_writer_add (writer, TEXT (ex, record, COL_RESOLUTION));
  add_time (ex, TIME (ex, record, COL_RESOLVED_AT));
  linli_csv_writer_add (writer, satisfaction != LINLI_SATISFACTION_NONE ? linli_satisfaction_label (satisfaction) : NULL);
  add_time (ex, TIME (ex, record, COL_REVISITED_AT));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_REVISIT_NOTES));
  linli_csv_writer_add (writer, original ? linli_record_get_text (original, "number") : NULL);
}

static void
object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The records the cases point at one by one, each read once: a filtered
 * list of a few cases should not read every resident. */
static LinliRecord *
cached_get (LinliStore *store,
            GHashTable *cache,
            GType       type,
            gint64      id)
{
  LinliRecord *record;
  gint64 *key;

  if (id == 0)
    return NULL;
  if (g_hash_table_lookup_extended (cache, &id, NULL, (gpointer *) &record))
    return record;
  record = linli_store_get (store, type, id, NULL);
  key = g_memdup2 (&id, sizeof id);
  g_hash_table_insert (cache, key, record);
  return record;
}

/**
 * linli_case_csv_export:
 * @cases: the #LinliCase records to write, in the order to write them: the
 *   case list as it is filtered
 * @mask_personal: whether to write reporters' names and phone numbers
 *   masked (王**, 138****1234), as everywhere outside the case editor. A
 *   file meant to be imported again needs them whole.
 * @out: where the file goes; it is flushed, not closed
 *
 * Writes cases as CSV for Excel and WPS: UTF-8 with a byte order mark, one
 * row per case under Chinese headers (linli_case_field_header()), names of
 * grids, workers and buildings, labels of statuses, times as
 * "2026-01-05 09:30" in the local time zone.
 */
gboolean
linli_case_csv_export (LinliStore     *store,
                       GListModel     *cases,
                       gboolean        mask_personal,
                       GOutputStream  *out,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GHashTable) residents = NULL;
  g_autoptr(GHashTable) originals = NULL;
  g_autoptr(GTypeClass) case_class = NULL;
  Export ex = { .mask_personal = mask_personal };
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (cases), FALSE);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (cases), LINLI_TYPE_CASE), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  case_class = g_type_class_ref (LINLI_TYPE_CASE);
  for (guint c = 0; c < N_COLS; c++)
    {
      int column = linli_record_class_find_column (LINLI_RECORD_CLASS (case_class), export_columns[c]);
      g_assert (column >= 0);
      ex.columns[c] = (guint) column;
    }
  ex.local = g_time_zone_new_local ();
  index_init (&ex.grids, store, LINLI_TYPE_GRID);
  index_init (&ex.workers, store, LINLI_TYPE_WORKER);
  index_init (&ex.buildings, store, LINLI_TYPE_BUILDING);
  index_label_shared (&ex.grids, &ex.grids, &ex.workers);
  index_label_shared (&ex.workers, &ex.grids, &ex.workers);
  index_label_shared (&ex.buildings, &ex.grids, &ex.workers);
  residents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, object_unref0);
  originals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, object_unref0);

  ex.writer = linli_csv_writer_new (out);
  for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
    linli_csv_writer_add (ex.writer, headers[f]);
  ok = linli_csv_writer_end_row (ex.writer, cancellable, error);

  n = g_list_model_get_n_items (cases);
  for (guint i = 0; i < n && ok; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      LinliRecord *reporter, *original;

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      reporter = cached_get (store, residents, LINLI_TYPE_RESIDENT, INT (&ex, record, COL_REPORTER));
      original = cached_get (store, originals, LINLI_TYPE_CASE, INT (&ex, record, COL_DUPLICATE_OF));
      write_case (&ex, record, reporter, original);
      ok = linli_csv_writer_end_row (ex.writer, cancellable, error);
    }
  ok = ok && linli_csv_writer_finish (ex.writer, cancellable, error);

  linli_csv_writer_free (ex.writer);
  g_time_zone_unref (ex.local);
  index_clear (&ex.grids);
  index_clear (&ex.workers);
  index_clear (&ex.buildings);
  return ok;
}

#undef TEXT
#undef INT
#undef ENUM
#undef TIME

/* ------------------------------------------------------------------------ */
/* Guessing what the columns are */

/* "登记时间（必填）" → "登记时间", "Reported_At" → "reportedat". */
static char *
normalize_header (const char *header)
{
  GString *key = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    {
      if (*p == '(' || g_str_has_prefix (p, "（"))
        break;
      if (g_ascii_isspace (*p) || *p == '_' || *p == '-' || *p == '*')
        continue;
      /* The ideographic space and a BOM that a tool left on a header. */
      if (g_str_has_prefix (p, "\xE3\x80\x80") || g_str_has_prefix (p, "\xEF\xBB\xBF"))
        {
          p += 2;
          continue;
        }
      g_string_append_c (key, g_ascii_tolower (*p));
    }
  return g_string_free (key, FALSE);
}

static LinliCaseField
field_for_header (const char *header,
                  gboolean    by_part)
{
  g_autofree char *key = normalize_header (header);

  if (*key == '\0')
    return LINLI_CASE_FIELD_IGNORE;
  if (!by_part)
    {
      for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
        if (g_str_equal (key, headers[f]))
          return f;
      for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
        if (g_str_equal (key, header_aliases[i].name))
          return header_aliases[i].field;
      /* The labels of the preview, as a file of this program's may have them. */
      for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
        {
          g_autofree char *label = normalize_header (linli_case_field_label (f));
          if (g_str_equal (key, label))
            return f;
        }
      return LINLI_CASE_FIELD_IGNORE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (header_parts); i++)
    if (strstr (key, header_parts[i].part) != NULL)
      return header_parts[i].field;
  return LINLI_CASE_FIELD_IGNORE;
}

/**
 * linli_case_csv_guess_mapping:
 *
 * Guesses what each column of @table holds from its header: the headers of
 * the export, the usual words of office sheets (事件标题, 问题, 电话, 手机,
 * 时间 …) and English names. Each field goes to one column at most, the
 * first that names it; the others are %LINLI_CASE_FIELD_IGNORE.
 *
 * Returns: (transfer full) (array): one #LinliCaseField per column; free
 *   with g_free()
 */
LinliCaseField *
linli_case_csv_guess_mapping (LinliCsvTable *table)
{
  LinliCaseField *mapping;
  gboolean used[LINLI_N_CASE_FIELDS] = { FALSE, };
  guint n;

  g_return_val_if_fail (table != NULL, NULL);

  n = linli_csv_table_get_n_columns (table);
  mapping = g_new (LinliCaseField, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    mapping[c] = LINLI_CASE_FIELD_IGNORE;

  /* Whole names first, so that a column called 电话 is not taken by a
   * "联系电话（家）" that comes before it. */
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < n; c++)
      {
        LinliCaseField field;

        if (mapping[c] != LINLI_CASE_FIELD_IGNORE)
          continue;
        field = field_for_header (linli_csv_table_get_header (table, c), pass == 1);
        if (field != LINLI_CASE_FIELD_IGNORE && !used[field])
          {
            mapping[c] = field;
            used[field] = TRUE;
          }
      }
  return mapping;
}

/* ------------------------------------------------------------------------ */
/* Reading values */

/* A value without the spaces around it (ASCII white space, the
 * ideographic space, the no-break space), or %NULL when nothing is left. */
static char *
trimmed (const char *text)
{
  const char *start = text, *end = text + strlen (text);

  for (;;)
    {
      if (start < end && g_ascii_isspace (*start))
        start++;
      else if (end - start >= 3 && memcmp (start, "\xE3\x80\x80", 3) == 0)
        start += 3;
      else if (end - start >= 2 && memcmp (start, "\xC2\xA0", 2) == 0)
        start += 2;
      else
        break;
    }
  for (;;)
    {
      if (end > start && g_ascii_isspace (end[-1]))
        end--;
      else if (end - start >= 3 && memcmp (end - 3, "\xE3\x80\x80", 3) == 0)
        end -= 3;
      else if (end - start >= 2 && memcmp (end - 2, "\xC2\xA0", 2) == 0)
        end -= 2;
      else
        break;
    }
  return start < end ? g_strndup (start, end - start) : NULL;
}

static gboolean
read_digits (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  int n = 0, v = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      v = v * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  *value = v;
  return TRUE;
}

static gboolean
skip_word (const char **p,
           const char  *word)
{
  gsize n = strlen (word);

  if (strncmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

/* Reads a time as offices write it: "2026-01-05 09:30[:00]", what Excel
 * makes of it on Chinese Windows ("2026/1/5 9:30"), "2026.01.05",
 * "2026年1月5日 9:30" or "…9时30分", a date alone (midnight), and ISO 8601
 * as this program stores times. Local time unless it says otherwise.
 * Returns a Unix time, or NO_TIME. */
static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  const char *p = text;
  int year, month, day, hour = 0, minute = 0, second = 0;
  gboolean chinese;
  char sep = '-';

  if (!read_digits (&p, 4, 4, &year))
    goto iso;
  chinese = skip_word (&p, "年");
  if (!chinese)
    {
      sep = *p;
      if (sep != '-' && sep != '/' && sep != '.')
        goto iso;
      p++;
    }
  if (!read_digits (&p, 1, 2, &month))
    goto iso;
  if (chinese ? !skip_word (&p, "月") : *p != sep)
    goto iso;
  if (!chinese)
    p++;
  if (!read_digits (&p, 1, 2, &day))
    goto iso;
  if (chinese && !skip_word (&p, "日"))
    skip_word (&p, "号");
  skip_spaces (&p);

  if (*p != '\0')
    {
      if (!read_digits (&p, 1, 2, &hour))
        goto iso;
      if (skip_word (&p, ":"))
        {
          if (!read_digits (&p, 2, 2, &minute))
            goto iso;
          if (skip_word (&p, ":"))
            {
              if (!read_digits (&p, 2, 2, &second))
                goto iso;
              /* Fractions of a second: the file shows minutes anyway. */
              if (*p == '.')
                for (p++; g_ascii_isdigit (*p); p++)
                  ;
            }
        }
      else if (skip_word (&p, "时") || skip_word (&p, "点"))
        {
          if (read_digits (&p, 1, 2, &minute))
            {
              skip_word (&p, "分");
              if (read_digits (&p, 1, 2, &second))
                skip_word (&p, "秒");
            }
        }
      else
        goto iso;
      skip_spaces (&p);
    }
  if (*p != '\0')
    goto iso;

  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 59)
    return NO_TIME;
  time = g_date_time_new_local (year, month, day, hour, minute, second);
  return time != NULL ? g_date_time_to_unix (time) : NO_TIME;

iso:
  {
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();
    time = g_date_time_new_from_iso8601 (text, local);
  }
  return time != NULL ? g_date_time_to_unix (time) : NO_TIME;
}

/* A mainland mobile number (13812341234) or a landline with its area code
 * (0537-1234567, 05371234567). */
static gboolean
phone_is_valid (const char *phone)
{
  gsize n = strlen (phone), area = 0, digits = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isdigit (phone[i]))
        digits++;
      else if (phone[i] == '-' && area == 0 && phone[0] == '0')
        area = i;
      else
        return FALSE;
    }
  if (phone[0] == '1')
    return n == 11 && digits == 11;
  if (phone[0] != '0')
    return FALSE;
  if (area != 0)
    return (area == 3 || area == 4) && (n - area - 1 == 7 || n - area - 1 == 8);
  return digits >= 10 && digits <= 12;
}

/* A case number as the store writes them: the year, a dash, four digits or
 * more; nine at most, so that it fits in the numbers it is looked up by. */
static gboolean
number_is_valid (const char *number)
{
  gsize n = strlen (number);

  if (n < 9 || n > 14 || number[4] != '-')
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (i != 4 && !g_ascii_isdigit (number[i]))
      return FALSE;
  return number[0] != '0';
}

/* ------------------------------------------------------------------------ */
/* Import */

typedef struct
{
  guint         row;            /* of the table */
  guint         line;
  char         *number;         /* as given, or as assigned before writing */
  gboolean      renumber;       /* given, but the store has it already */
  gint64        reported_at;    /* Unix times, or NO_TIME */
  gint64        due_at;
  gint64        resolved_at;
  gint64        revisited_at;
  int           urgency;
  int           status;
  int           level;
  int           satisfaction;
  LinliRecord  *grid;           /* borrowed from the indexes */
  LinliRecord  *worker;
  LinliRecord  *building;
  gint64        reporter_id;    /* a resident the store has, or 0 */
  int           new_reporter;   /* or one to add: index into new_residents; or -1 */
  int           duplicate_row;  /* the row of the file it repeats, or -1 */
  gint64        duplicate_id;   /* or the stored case it repeats, or 0 */
  gint64        id;             /* once written */
} Row;

typedef struct
{
  LinliStore     *store;
  LinliCsvTable  *table;
  int             column[LINLI_N_CASE_FIELDS];   /* -1 when no column holds the field */
  gint64          now;
  Index           grids;
  Index           workers;
  Index           buildings;
  EnumParser      status;
  EnumParser      urgency;
  EnumParser      level;
  EnumParser      satisfaction;
  GHashTable     *residents;       /* "name\x1fphone" → gint64 id of a resident the store has */
  GPtrArray      *new_residents;   /* "name\x1fphone" of each one to add */
  GHashTable     *new_index;       /* "name\x1fphone" → index in new_residents + 1 */
  GArray         *rows;            /* Row */
  GHashTable     *numbers;         /* each number the file gives → its row + 1 */
  GPtrArray      *errors;          /* LinliCsvRowError */
  guint           n_bad_rows;
} Import;

static void
row_clear (gpointer data)
{
  Row *row = data;
  g_clear_pointer (&row->number, g_free);
}

static void
import_clear (Import *im)
{
  index_clear (&im->grids);
  index_clear (&im->workers);
  index_clear (&im->buildings);
  enum_parser_clear (&im->status);
  enum_parser_clear (&im->urgency);
  enum_parser_clear (&im->level);
  enum_parser_clear (&im->satisfaction);
  g_clear_pointer (&im->residents, g_hash_table_unref);
  g_clear_pointer (&im->new_residents, g_ptr_array_unref);
  g_clear_pointer (&im->new_index, g_hash_table_unref);
  g_clear_pointer (&im->numbers, g_hash_table_unref);
  g_clear_pointer (&im->rows, g_array_unref);
  g_clear_pointer (&im->errors, g_ptr_array_unref);
}

static void add_error (Import     *im,
                       guint       line,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

/* @format names the line itself: "Line %u: …" with @line as its first value. */
static void
add_error (Import     *im,
           guint       line,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (im->errors, linli_csv_row_error_new (line, g_strdup_vprintf (format, args)));
  va_end (args);
}

static char *
cell (Import         *im,
      guint           row,
      LinliCaseField  field)
{
  if (im->column[field] < 0)
    return NULL;
  return trimmed (linli_csv_table_get_cell (im->table, row, (guint) im->column[field]));
}

static const char *
header_of (Import         *im,
           LinliCaseField  field)
{
  const char *header = linli_csv_table_get_header (im->table, (guint) im->column[field]);

  return *header != '\0' ? header : linli_case_field_label (field);
}

static gboolean
check_mapping (Import                *im,
               const LinliCaseField  *mapping,
               GError               **error)
{
  static const LinliCaseField required[] = {
    LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_REPORTED_AT,
  };
  guint n = linli_csv_table_get_n_columns (im->table);

  for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
    im->column[f] = -1;
  for (guint c = 0; c < n; c++)
    {
      LinliCaseField field = mapping[c];

      if (field == LINLI_CASE_FIELD_IGNORE)
        continue;
      if (field > LINLI_CASE_FIELD_IGNORE)
        {
          g_critical ("Column %u is mapped to no field (%d)", c, field);
          continue;
        }
      if (im->column[field] >= 0)
        {
          g_set_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_MAPPING,
                       _("The columns “%s” and “%s” are both imported as “%s”. Choose one of them."),
                       linli_csv_table_get_header (im->table, (guint) im->column[field]),
                       linli_csv_table_get_header (im->table, c),
                       linli_case_field_label (field));
          return FALSE;
        }
      im->column[field] = (int) c;
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (im->column[required[i]] < 0)
      {
        g_set_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_MAPPING,
                     _("No column is imported as “%s”, which every case needs. Choose the column that holds it."),
                     linli_case_field_label (required[i]));
        return FALSE;
      }
  return TRUE;
}

static void
load_residents (Import *im)
{
  g_autoptr(GListModel) list = linli_store_list (im->store, LINLI_TYPE_RESIDENT);
  guint n = g_list_model_get_n_items (list);

  im->residents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) resident = g_list_model_get_item (list, i);
      const char *phone = linli_record_get_text (resident, "phone");
      char *key = g_strconcat (linli_record_get_text (resident, "name"), "\x1f", phone ? phone : "", NULL);
      gint64 id = linli_record_get_id (resident);

      /* Two residents alike: the first is reused. */
      if (g_hash_table_contains (im->residents, key))
        g_free (key);
      else
        g_hash_table_insert (im->residents, key, g_memdup2 (&id, sizeof id));
    }
}

static gboolean
read_time (Import         *im,
           Row            *row,
           LinliCaseField  field,
           gint64         *time)
{
  g_autofree char *text = cell (im, row->row, field);

  *time = NO_TIME;
  if (text == NULL)
    return TRUE;
  *time = parse_time (text);
  if (*time == NO_TIME)
    {
      add_error (im, row->line, _("Line %u: %s: “%s” is not a date and time; write it as 2026-01-05 09:30."),
                 row->line, header_of (im, field), text);
      return FALSE;
    }
  return TRUE;
}

static void
read_enum (Import         *im,
           Row            *row,
           LinliCaseField  field,
           EnumParser     *parser,
           int             empty_value,
           int            *value)
{
  g_autofree char *text = cell (im, row->row, field);

  *value = empty_value;
  if (text != NULL && !enum_parser_parse (parser, text, value))
    add_error (im, row->line, _("Line %u: %s: “%s” is not one of %s."),
               row->line, header_of (im, field), text, parser->choices);
}

static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
check_times (Import *im,
             Row    *row)
{
  gboolean ok = TRUE;

  if (!read_time (im, row, LINLI_CASE_FIELD_REPORTED_AT, &row->reported_at))
    ok = FALSE;
  else if (row->reported_at == NO_TIME)
    {
      add_error (im, row->line, _("Line %u: the reported time is empty."), row->line);
      ok = FALSE;
    }
  else if (row->reported_at > im->now)
    {
      g_autofree char *text = format_time (row->reported_at);
      add_error (im, row->line, _("Line %u: the reported time %s is in the future."), row->line, text);
    }

  /* Each of these is compared with the reported time only when it could be read. */
  if (read_time (im, row, LINLI_CASE_FIELD_DUE_AT, &row->due_at) &&
      row->due_at != NO_TIME && ok && row->due_at <= row->reported_at)
    add_error (im, row->line, _("Line %u: the due time must be after the reported time."), row->line);

  if (read_time (im, row, LINLI_CASE_FIELD_RESOLVED_AT, &row->resolved_at) && row->resolved_at != NO_TIME)
    {
      if (ok && row->resolved_at < row->reported_at)
        add_error (im, row->line, _("Line %u: the resolved time is before the reported time."), row->line);
      else if (row->resolved_at > im->now)
        add_error (im, row->line, _("Line %u: the resolved time is in the future."), row->line);
    }

  if (read_time (im, row, LINLI_CASE_FIELD_REVISITED_AT, &row->revisited_at) && row->revisited_at != NO_TIME)
    {
      if (ok && row->revisited_at < row->reported_at)
        add_error (im, row->line, _("Line %u: the revisit time is before the reported time."), row->line);
      else if (row->resolved_at != NO_TIME && row->revisited_at < row->resolved_at)
        add_error (im, row->line, _("Line %u: the revisit time is before the resolved time."), row->line);
      else if (row->revisited_at > im->now)
        add_error (im, row->line, _("Line %u: the revisit time is in the future."), row->line);
    }
}

static void
check_reporter (Import *im,
                Row    *row)
{
  g_autofree char *name = cell (im, row->row, LINLI_CASE_FIELD_REPORTER);
  g_autofree char *phone = cell (im, row->row, LINLI_CASE_FIELD_PHONE);
  gboolean ok = TRUE;
  char *key;
  gint64 *id;
  gpointer index;

  /* What an export with masking wrote cannot be told from a real value
   * and would spread stars through the residents. */
  if (name != NULL && strchr (name, '*') != NULL)
    {
      add_error (im, row->line, _("Line %u: the reporter’s name “%s” is masked. Import a file exported without masking."),
                 row->line, name);
      ok = FALSE;
    }
  if (phone != NULL && strchr (phone, '*') != NULL)
    {
      add_error (im, row->line, _("Line %u: the phone number “%s” is masked. Import a file exported without masking."),
                 row->line, phone);
      ok = FALSE;
    }
  else if (phone != NULL && !phone_is_valid (phone))
    {
      add_error (im, row->line, _("Line %u: “%s” is neither an 11-digit mobile number nor a landline number with its area code, like 0537-1234567."),
                 row->line, phone);
      ok = FALSE;
    }
  if (phone != NULL && name == NULL)
    {
      add_error (im, row->line, _("Line %u: there is a phone number but no reporter’s name."), row->line);
      ok = FALSE;
    }
  if (!ok || name == NULL)
    return;

  key = g_strconcat (name, "\x1f", phone ? phone : "", NULL);
  if ((id = g_hash_table_lookup (im->residents, key)) != NULL)
    {
      row->reporter_id = *id;
      g_free (key);
    }
  else if ((index = g_hash_table_lookup (im->new_index, key)) != NULL)
    {
      row->new_reporter = GPOINTER_TO_INT (index) - 1;
      g_free (key);
    }
  else
    {
      row->new_reporter = (int) im->new_residents->len;
      g_ptr_array_add (im->new_residents, key);
      g_hash_table_insert (im->new_index, key, GINT_TO_POINTER (row->new_reporter + 1));
    }
}

typedef gboolean (*MatchFunc) (Import        *im,
                               LinliRecord   *record,
                               gconstpointer  data);

/* The one record of @candidates that @match says, if there is one. */
static LinliRecord *
pick (Import        *im,
      GPtrArray     *candidates,
      MatchFunc      match,
      gconstpointer  data)
{
  LinliRecord *chosen = NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    if (match (im, g_ptr_array_index (candidates, i), data))
      {
        if (chosen != NULL)
          return NULL;
        chosen = g_ptr_array_index (candidates, i);
      }
  return chosen;
}

/* The record @text names: the one of that name, or among several the one
 * @prefer chooses for @data; or, for "name（qualifier）" as the export
 * writes a shared name, the one of that name that @qualified says. */
static LinliRecord *
find_named (Import        *im,
            Index         *index,
            const char    *text,
            MatchFunc      prefer,
            gconstpointer  data,
            MatchFunc      qualified,
            gboolean      *ambiguous)
{
  GPtrArray *same_name = g_hash_table_lookup (index->by_name, text);
  LinliRecord *found = NULL;
  const char *open = NULL;
  gsize len = strlen (text);

  *ambiguous = FALSE;
  if (same_name != NULL && same_name->len == 1)
    return g_ptr_array_index (same_name, 0);
  if (same_name != NULL && prefer != NULL && (found = pick (im, same_name, prefer, data)) != NULL)
    return found;
  *ambiguous = same_name != NULL;

  if (qualified != NULL && g_str_has_suffix (text, "）"))
    open = g_strrstr (text, "（");
  else if (qualified != NULL && g_str_has_suffix (text, ")"))
    open = strrchr (text, '(');
  if (open != NULL && open > text)
    {
      g_autofree char *name = g_strndup (text, open - text);
      const char *start = open + (*open == '(' ? 1 : strlen ("（"));
      gsize end = len - (text[len - 1] == ')' ? 1 : strlen ("）"));
      g_autofree char *qualifier = g_strndup (start, text + end - start);

      g_strstrip (name);
      if ((found = pick (im, g_hash_table_lookup (index->by_name, name), qualified, qualifier)) != NULL)
        *ambiguous = FALSE;
    }
  return found;
}

static gboolean
building_in_grid (Import        *im,
                  LinliRecord   *building,
                  gconstpointer  grid)
{
  return grid != NULL && linli_record_get_int (building, "grid_id") == linli_record_get_id ((LinliRecord *) grid);
}

static gboolean
building_of_grid_named (Import        *im,
                        LinliRecord   *building,
                        gconstpointer  qualifier)
{
  LinliRecord *grid = index_get (&im->grids, linli_record_get_int (building, "grid_id"));

  return grid != NULL && (g_strcmp0 (linli_record_get_text (grid, "name"), qualifier) == 0 ||
                          g_strcmp0 (linli_record_get_text (grid, "code"), qualifier) == 0);
}

static gboolean
worker_of_grid (Import        *im,
                LinliRecord   *worker,
                gconstpointer  grid)
{
  GArray *workers = grid != NULL ? linli_record_get_refs ((LinliRecord *) grid, "workers") : NULL;

  for (guint i = 0; workers != NULL && i < workers->len; i++)
    if (g_array_index (workers, gint64, i) == linli_record_get_id (worker))
      return TRUE;
  return FALSE;
}

static gboolean
worker_with_phone_or_id (Import        *im,
                         LinliRecord   *worker,
                         gconstpointer  qualifier)
{
  const char *text = qualifier;

  if (text[0] == '#')
    return g_ascii_strtoll (text + 1, NULL, 10) == linli_record_get_id (worker);
  return g_strcmp0 (linli_record_get_text (worker, "phone"), text) == 0;
}

static void
check_places (Import *im,
              Row    *row)
{
  g_autofree char *grid = cell (im, row->row, LINLI_CASE_FIELD_GRID);
  g_autofree char *building = cell (im, row->row, LINLI_CASE_FIELD_BUILDING);
  g_autofree char *worker = cell (im, row->row, LINLI_CASE_FIELD_WORKER);
  gboolean ambiguous;

  if (grid != NULL)
    {
      row->grid = find_named (im, &im->grids, grid, NULL, NULL, NULL, &ambiguous);
      if (row->grid == NULL)
        row->grid = g_hash_table_lookup (im->grids.by_code, grid);
      if (row->grid == NULL && ambiguous)
        add_error (im, row->line, _("Line %u: there are several grids called “%s”; give its code instead."),
                   row->line, grid);
      else if (row->grid == NULL)
        add_error (im, row->line, _("Line %u: there is no grid “%s”."), row->line, grid);
    }

  if (building != NULL)
    {
      row->building = find_named (im, &im->buildings, building, building_in_grid, row->grid,
                                  building_of_grid_named, &ambiguous);
      if (row->building == NULL && ambiguous)
        add_error (im, row->line, _("Line %u: there are several buildings called “%s”; give the grid too."),
                   row->line, building);
      else if (row->building == NULL)
        add_error (im, row->line, _("Line %u: there is no building “%s”."), row->line, building);
    }

  /* Without a grid of its own, a case is in its building's grid. */
  if (grid == NULL && row->building != NULL)
    row->grid = index_get (&im->grids, linli_record_get_int (row->building, "grid_id"));

  if (worker != NULL)
    {
      row->worker = find_named (im, &im->workers, worker, worker_of_grid, row->grid,
                                worker_with_phone_or_id, &ambiguous);
      if (row->worker == NULL && ambiguous)
        add_error (im, row->line, _("Line %u: there are several grid workers called “%s”, and the case’s grid does not tell which."),
                   row->line, worker);
      else if (row->worker == NULL)
        add_error (im, row->line, _("Line %u: there is no grid worker “%s”."), row->line, worker);
    }
}

static void
check_row (Import *im,
           Row    *row)
{
  g_autofree char *title = cell (im, row->row, LINLI_CASE_FIELD_TITLE);
  g_autofree char *category = cell (im, row->row, LINLI_CASE_FIELD_CATEGORY);
  g_autofree char *source = cell (im, row->row, LINLI_CASE_FIELD_SOURCE);
  g_autofree char *number = cell (im, row->row, LINLI_CASE_FIELD_NUMBER);
  g_autofree char *resolution = cell (im, row->row, LINLI_CASE_FIELD_RESOLUTION);
  g_autofree char *duplicate_of = cell (im, row->row, LINLI_CASE_FIELD_DUPLICATE_OF);

  if (number != NULL)
    {
      gpointer other;

      if (!number_is_valid (number))
        add_error (im, row->line, _("Line %u: the case number “%s” is not like 2026-0042: a year, a dash and four digits or more."),
                   row->line, number);
      else if ((other = g_hash_table_lookup (im->numbers, number)) != NULL)
        add_error (im, row->line, _("Line %u: the case number “%s” is the number of line %u too."),
                   row->line, number,
                   g_array_index (im->rows, Row, GPOINTER_TO_UINT (other) - 1).line);
      else
        {
          /* The table keeps its own copy: a taken number is replaced in the row. */
          g_hash_table_insert (im->numbers, g_strdup (number), GUINT_TO_POINTER (row->row + 1));
          row->number = g_steal_pointer (&number);
        }
    }

  if (title == NULL)
    add_error (im, row->line, _("Line %u: the title is empty."), row->line);
  else if (g_utf8_strlen (title, -1) > MAX_TITLE_LENGTH)
    add_error (im, row->line, _("Line %u: the title is longer than %u characters."),
               row->line, MAX_TITLE_LENGTH);
  if (category == NULL)
    add_error (im, row->line, _("Line %u: the category is empty."), row->line);
  if (im->column[LINLI_CASE_FIELD_SOURCE] >= 0 && source == NULL)
    add_error (im, row->line, _("Line %u: the source is empty."), row->line);

  check_times (im, row);
  read_enum (im, row, LINLI_CASE_FIELD_STATUS, &im->status, LINLI_CASE_STATUS_REGISTERED, &row->status);
  read_enum (im, row, LINLI_CASE_FIELD_URGENCY, &im->urgency, LINLI_URGENCY_NORMAL, &row->urgency);
  read_enum (im, row, LINLI_CASE_FIELD_RESOLUTION_LEVEL, &im->level, LINLI_RESOLUTION_LEVEL_NONE, &row->level);
  read_enum (im, row, LINLI_CASE_FIELD_SATISFACTION, &im->satisfaction, LINLI_SATISFACTION_NONE, &row->satisfaction);

  if (row->status == LINLI_CASE_STATUS_RESOLVED || row->status == LINLI_CASE_STATUS_REVISITED)
    {
      if (resolution == NULL)
        add_error (im, row->line, _("Line %u: the case is “%s”, but its resolution is empty."),
                   row->line, linli_case_status_label (row->status));
      if (row->resolved_at == NO_TIME)
        add_error (im, row->line, _("Line %u: the case is “%s”, but it has no resolved time."),
                   row->line, linli_case_status_label (row->status));
    }
  if (row->status == LINLI_CASE_STATUS_REVISITED && row->revisited_at == NO_TIME)
    add_error (im, row->line, _("Line %u: the case is “%s”, but it has no revisit time."),
               row->line, linli_case_status_label (row->status));
  if (row->status == LINLI_CASE_STATUS_DUPLICATE && duplicate_of == NULL)
    add_error (im, row->line, _("Line %u: the case is “%s”, but it does not say the number of the case it repeats."),
               row->line, linli_case_status_label (row->status));

  check_reporter (im, row);
  check_places (im, row);
}

/* Which of @numbers the store has, and the ids of those cases. The store
 * has no lookup by number, but a record list reads the ids of the rows of
 * any condition, here by the unique index on the number, and reads a row
 * only when asked for it. Its parameters are integers, so each number is
 * rebuilt in SQL from its year, its width and its sequence. */
static GHashTable *
find_stored_cases (LinliStore *store,
                   GPtrArray  *numbers)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (numbers->len == 0 || linli_store_count (store, LINLI_TYPE_CASE) == 0)
    return found;

  for (guint first = 0; first < numbers->len; first += NUMBER_BATCH)
    {
      guint n = MIN (NUMBER_BATCH, numbers->len - first);
      g_autoptr(GString) where = g_string_new ("t.number IN (");
      g_autofree gint64 *params = g_new (gint64, 3 * n);
      g_autoptr(LinliRecordList) list = NULL;
      guint n_found;

      for (guint i = 0; i < n; i++)
        {
          const char *number = g_ptr_array_index (numbers, first + i);

          params[3 * i] = g_ascii_strtoll (number, NULL, 10);
          params[3 * i + 1] = (gint64) strlen (number + 5);
          params[3 * i + 2] = g_ascii_strtoll (number + 5, NULL, 10);
          g_string_append_printf (where, "%sprintf('%%04d-%%0*d', ?%u, ?%u, ?%u)",
                                  i > 0 ? ", " : "", 3 * i + 1, 3 * i + 2, 3 * i + 3);
        }
      g_string_append_c (where, ')');

      list = linli_record_list_new (store, LINLI_TYPE_CASE, where->str, params, 3 * n);
      n_found = g_list_model_get_n_items (G_LIST_MODEL (list));
      for (guint i = 0; i < n_found; i++)
        {
          g_autoptr(LinliRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
          gint64 id = linli_record_get_id (record);

          g_hash_table_insert (found, g_strdup (linli_record_get_text (record, "number")),
                               g_memdup2 (&id, sizeof id));
        }
    }
  return found;
}

/* Links each duplicate to the case it repeats, in the file or stored, and
 * finds the cases whose given number the store has already. */
static void
check_numbers (Import *im)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) stored = NULL;
  g_autofree guint8 *state = NULL;

  for (guint r = 0; r < im->rows->len; r++)
    {
      Row *row = &g_array_index (im->rows, Row, r);
      g_autofree char *original = cell (im, row->row, LINLI_CASE_FIELD_DUPLICATE_OF);

      if (row->number != NULL)
        g_ptr_array_add (wanted, g_strdup (row->number));
      if (original != NULL && !g_hash_table_contains (im->numbers, original) && number_is_valid (original))
        g_ptr_array_add (wanted, g_strdup (original));
    }
  stored = find_stored_cases (im->store, wanted);

  for (guint r = 0; r < im->rows->len; r++)
    {
      Row *row = &g_array_index (im->rows, Row, r);
      g_autofree char *original = cell (im, row->row, LINLI_CASE_FIELD_DUPLICATE_OF);
      gpointer found;

      /* The store has it: the case gets the next free number instead. */
      row->renumber = row->number != NULL && g_hash_table_contains (stored, row->number);
      if (original == NULL)
        continue;

      /* A number of the file means that row, whatever the store has. */
      if ((found = g_hash_table_lookup (im->numbers, original)) != NULL)
        {
          row->duplicate_row = (int) GPOINTER_TO_UINT (found) - 1;
          if ((guint) row->duplicate_row == r)
            {
              add_error (im, row->line, _("Line %u: a case cannot be a duplicate of itself."), row->line);
              row->duplicate_row = -1;
            }
        }
      else if ((found = g_hash_table_lookup (stored, original)) != NULL)
        row->duplicate_id = *(gint64 *) found;
      else
        add_error (im, row->line, _("Line %u: %s: there is no case “%s”, neither in the file nor stored."),
                   row->line, header_of (im, LINLI_CASE_FIELD_DUPLICATE_OF), original);
    }

  /* Duplicates of duplicates are written originals first; a loop of them
   * has no first. 0: not seen, 1: on the path being followed, 2: done. */
  state = g_new0 (guint8, MAX (im->rows->len, 1));
  for (guint r = 0; r < im->rows->len; r++)
    {
      guint at = r;

      while (state[at] == 0)
        {
          int next = g_array_index (im->rows, Row, at).duplicate_row;

          state[at] = 1;
          if (next < 0)
            break;
          at = (guint) next;
        }
      if (state[at] == 1 && g_array_index (im->rows, Row, at).duplicate_row >= 0)
        {
          Row *row = &g_array_index (im->rows, Row, at);
          add_error (im, row->line, _("Line %u: the cases this one duplicates lead back to it."), row->line);
        }
      for (at = r; state[at] == 1; )
        {
          int next = g_array_index (im->rows, Row, at).duplicate_row;

          state[at] = 2;
          if (next < 0)
            break;
          at = (guint) next;
        }
    }
}

static int
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const LinliCsvRowError *x = *(LinliCsvRowError **) a, *y = *(LinliCsvRowError **) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* Checks every row, and says in *@row_errors what is wrong with each. */
static gboolean
import_check (Import                *im,
              LinliStore            *store,
              LinliCsvTable         *table,
              const LinliCaseField  *mapping,
              GPtrArray            **row_errors,
              GError               **error)
{
  g_autoptr(GDateTime) now = linli_store_now (store);
  guint n_rows = linli_csv_table_get_n_rows (table);
  guint last_line = 0;

  im->store = store;
  im->table = table;
  im->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_csv_row_error_free);
  im->rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), n_rows);
  g_array_set_clear_func (im->rows, row_clear);
  im->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->new_residents = g_ptr_array_new_with_free_func (g_free);
  im->new_index = g_hash_table_new (g_str_hash, g_str_equal);
  if (row_errors != NULL)
    *row_errors = g_ptr_array_ref (im->errors);

  if (!check_mapping (im, mapping, error))
    return FALSE;

  im->now = g_date_time_to_unix (now);
  index_init (&im->grids, store, LINLI_TYPE_GRID);
  index_init (&im->workers, store, LINLI_TYPE_WORKER);
  index_init (&im->buildings, store, LINLI_TYPE_BUILDING);
  enum_parser_init (&im->status, &status_spec);
  enum_parser_init (&im->urgency, &urgency_spec);
  enum_parser_init (&im->level, &level_spec);
  enum_parser_init (&im->satisfaction, &satisfaction_spec);
  if (im->column[LINLI_CASE_FIELD_REPORTER] >= 0)
    load_residents (im);
  else
    im->residents = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < n_rows; r++)
    {
      Row row = {
        .row = r,
        .line = linli_csv_table_get_line (table, r),
        .new_reporter = -1,
        .duplicate_row = -1,
      };

      g_array_append_val (im->rows, row);
      check_row (im, &g_array_index (im->rows, Row, r));
    }
  check_numbers (im);

  /* In the order of the file, a line's problems together. */
  g_ptr_array_sort (im->errors, compare_errors);
  for (guint i = 0; i < im->errors->len; i++)
    {
      LinliCsvRowError *e = g_ptr_array_index (im->errors, i);
      if (e->line != last_line)
        im->n_bad_rows++;
      last_line = e->line;
    }

  if (im->n_bad_rows > 0)
    {
      g_set_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS,
                   ngettext ("%u row of the file is not right. Nothing was imported.",
                             "%u rows of the file are not right. Nothing was imported.",
                             im->n_bad_rows),
                   im->n_bad_rows);
      return FALSE;
    }
  return TRUE;
}

static void
set_time (LinliRecord *record,
          const char  *column,
          gint64       time)
{
  g_autoptr(GDateTime) value = time != NO_TIME ? g_date_time_new_from_unix_local (time) : NULL;

  linli_record_set_datetime (record, column, value);
}

static void
set_text (Import         *im,
          Row            *row,
          LinliRecord    *record,
          const char     *column,
          LinliCaseField  field)
{
  g_autofree char *text = cell (im, row->row, field);

  linli_record_set_text (record, column, text);
}

/* The next free number of the year the case was reported in: after the
 * store's last, and not one the file gives another case. */
static void
assign_number (Import     *im,
               Row        *row,
               GHashTable *next_numbers)
{
  g_autoptr(GDateTime) reported = g_date_time_new_from_unix_local (row->reported_at);
  int year = g_date_time_get_year (reported);
  gpointer next = g_hash_table_lookup (next_numbers, GINT_TO_POINTER (year));
  guint sequence;

  if (next == NULL)
    {
      g_autofree char *first = linli_store_next_case_number (im->store, year);
      sequence = (guint) g_ascii_strtoull (first + 5, NULL, 10);
    }
  else
    sequence = GPOINTER_TO_UINT (next);

  g_free (row->number);
  row->number = g_strdup_printf ("%d-%04u", year, sequence);
  while (g_hash_table_contains (im->numbers, row->number))
    {
      g_free (row->number);
      row->number = g_strdup_printf ("%d-%04u", year, ++sequence);
    }
  g_hash_table_insert (next_numbers, GINT_TO_POINTER (year), GUINT_TO_POINTER (sequence + 1));
}

static gboolean
write_row (Import      *im,
           Row         *row,
           GArray      *resident_ids,
           GError     **error)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  gint64 grid_id = row->grid ? linli_record_get_id (row->grid) : 0;
  gint64 duplicate_of = row->duplicate_id;
  g_autofree char *source = cell (im, row->row, LINLI_CASE_FIELD_SOURCE);

  if (row->duplicate_row >= 0)
    duplicate_of = g_array_index (im->rows, Row, row->duplicate_row).id;
  g_assert (row->duplicate_row < 0 || duplicate_of != 0);

  linli_record_set_text (record, "number", row->number);
  set_text (im, row, record, "title", LINLI_CASE_FIELD_TITLE);
  set_text (im, row, record, "description", LINLI_CASE_FIELD_DESCRIPTION);
  set_text (im, row, record, "category", LINLI_CASE_FIELD_CATEGORY);
  set_text (im, row, record, "subcategory", LINLI_CASE_FIELD_SUBCATEGORY);
  linli_record_set_text (record, "source", source ? source : DEFAULT_SOURCE);
  if (row->reporter_id != 0)
    linli_record_set_int (record, "reporter_id", row->reporter_id);
  else if (row->new_reporter >= 0)
    linli_record_set_int (record, "reporter_id", g_array_index (resident_ids, gint64, row->new_reporter));
  set_text (im, row, record, "address", LINLI_CASE_FIELD_ADDRESS);
  if (row->building != NULL)
    {
      gint64 building_id = linli_record_get_id (row->building);
      double lat = linli_record_get_double (row->building, "lat");
      double lon = linli_record_get_double (row->building, "lon");

      linli_record_set_int (record, "building_id", building_id);
      /* The building is where the case is, as the editor has it. */
      if (!isnan (lat) && !isnan (lon))
        {
          linli_record_set_double (record, "lat", lat);
          linli_record_set_double (record, "lon", lon);
        }
      /* A grid the file gives that is not the building's was chosen by hand. */
      linli_record_set_bool (record, "grid_overridden",
                             grid_id != linli_record_get_int (row->building, "grid_id"));
    }
  linli_record_set_int (record, "grid_id", grid_id);
  linli_record_set_enum (record, "urgency", row->urgency);
  if (row->worker != NULL)
    linli_record_set_int (record, "worker_id", linli_record_get_id (row->worker));
  set_text (im, row, record, "responsible_unit", LINLI_CASE_FIELD_UNIT);
  set_time (record, "reported_at", row->reported_at);
  set_time (record, "due_at", row->due_at);
  linli_record_set_enum (record, "status", row->status);
  linli_record_set_enum (record, "resolution_level", row->level);
  set_text (im, row, record, "resolution", LINLI_CASE_FIELD_RESOLUTION);
  set_time (record, "resolved_at", row->resolved_at);
  linli_record_set_enum (record, "satisfaction", row->satisfaction);
  set_time (record, "revisited_at", row->revisited_at);
  set_text (im, row, record, "revisit_notes", LINLI_CASE_FIELD_REVISIT_NOTES);
  linli_record_set_int (record, "duplicate_of", duplicate_of);

  if (!linli_store_insert (im->store, record, error))
    {
      g_prefix_error (error, _("Line %u: "), row->line);
      return FALSE;
    }
  row->id = linli_record_get_id (record);
  return TRUE;
}

static gboolean
import_write (Import  *im,
              guint   *n_imported,
              GError **error)
{
  g_autoptr(GArray) resident_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), im->new_residents->len);
  g_autoptr(GHashTable) next_numbers = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Numbers first: one the file gives is kept only when it is free. */
  for (guint r = 0; r < im->rows->len; r++)
    {
      Row *row = &g_array_index (im->rows, Row, r);
      if (row->number == NULL || row->renumber)
        assign_number (im, row, next_numbers);
    }

  if (!linli_store_begin (im->store, error))
    return FALSE;

  for (guint i = 0; i < im->new_residents->len; i++)
    {
      g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (im->new_residents, i), "\x1f", 2);
      gint64 id;

      linli_record_set_text (resident, "name", parts[0]);
      linli_record_set_text (resident, "phone", *parts[1] != '\0' ? parts[1] : NULL);
      if (!linli_store_insert (im->store, resident, error))
        {
          linli_store_rollback (im->store);
          return FALSE;
        }
      id = linli_record_get_id (resident);
      g_array_append_val (resident_ids, id);
    }

  for (guint r = 0; r < im->rows->len; r++)
    {
      /* The case a duplicate repeats must be there before it. */
      g_array_set_size (chain, 0);
      for (guint at = r; g_array_index (im->rows, Row, at).id == 0; )
        {
          int next = g_array_index (im->rows, Row, at).duplicate_row;

          g_array_append_val (chain, at);
          if (next < 0)
            break;
          at = (guint) next;
        }
      for (guint i = chain->len; i > 0; i--)
        if (!write_row (im, &g_array_index (im->rows, Row, g_array_index (chain, guint, i - 1)),
                        resident_ids, error))
          {
            linli_store_rollback (im->store);
            return FALSE;
          }
    }

  if (!linli_store_commit (im->store, error))
    {
      linli_store_rollback (im->store);
      return FALSE;
    }
  *n_imported = im->rows->len;
  return TRUE;
}

/**
 * linli_case_csv_check:
 * @mapping: (array): what each column of @table holds
 * @row_errors: (out) (optional) (element-type LinliCsvRowError): set to
 *   what is wrong with the rows, each naming its line, in the order of the
 *   file; empty when they are right or @mapping is wrong
 *
 * Checks every row of @table as linli_case_csv_import() would, and writes
 * nothing: for the preview.
 *
 * Returns: %TRUE when every row can be imported; %FALSE with
 *   %LINLI_CASE_CSV_ERROR_MAPPING when @mapping lacks a field every case
 *   needs or has one twice, or %LINLI_CASE_CSV_ERROR_ROWS and @row_errors
 */
gboolean
linli_case_csv_check (LinliStore            *store,
                      LinliCsvTable         *table,
                      const LinliCaseField  *mapping,
                      GPtrArray            **row_errors,
                      GError               **error)
{
  Import im = { 0, };
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (mapping != NULL || linli_csv_table_get_n_columns (table) == 0, FALSE);
  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = import_check (&im, store, table, mapping, row_errors, error);
  import_clear (&im);
  return ok;
}

/**
 * linli_case_csv_import:
 * @mapping: (array): what each column of @table holds, one
 *   #LinliCaseField per column (linli_case_csv_guess_mapping())
 * @row_errors: (out) (optional) (element-type LinliCsvRowError): set to
 *   what is wrong with the rows, as linli_case_csv_check() does
 * @n_imported: (out) (optional): how many cases were written
 *
 * Adds the cases of @table to @store, all or none. Every row is checked
 * first: a title, a category and a reported time that is not in the future;
 * times and labels that can be read; grids (by name or code), buildings and
 * grid workers that exist; phone numbers that are phone numbers; what a
 * resolved or revisited case needs. Only when every row is right are they
 * written, in one transaction.
 *
 * A reporter becomes a new resident unless one with the same name and
 * phone number is stored already. A case keeps the number the file gives it
 * when the store does not have that number yet, and gets the next free
 * number of its year otherwise. Without a source column, the source is
 * "其他".
 *
 * Returns: %TRUE when every case was written; %FALSE with nothing written
 *   and %LINLI_CASE_CSV_ERROR_MAPPING, %LINLI_CASE_CSV_ERROR_ROWS (see
 *   @row_errors), or a #LinliStoreError naming the line that failed
 */
gboolean
linli_case_csv_import (LinliStore            *store,
                       LinliCsvTable         *table,
                       const LinliCaseField  *mapping,
                       GPtrArray            **row_errors,
                       guint                 *n_imported,
                       GError               **error)
{
  Import im = { 0, };
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (mapping != NULL || linli_csv_table_get_n_columns (table) == 0, FALSE);
  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = import_check (&im, store, table, mapping, row_errors, error) &&
       import_write (&im, &n, error);
  import_clear (&im);
  if (n_imported != NULL)
    *n_imported = n;
  return ok;
}
