/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "linli-event-csv-private.h"

/* The fields of activities, volunteers and outreach events as columns of a
 * file. The headers are the office's words, the same in every locale, so
 * that a ledger reads the same wherever it was written; the labels are
 * what the import preview calls the fields, translated. */

G_DEFINE_QUARK (linli-event-csv-error-quark, linli_event_csv_error)

const LinliCsvField linli_activity_csv_fields[LINLI_N_ACTIVITY_FIELDS] = {
  { "活动名称", NC_("csv field", "Title"), "活动标题|活动主题|标题|名称|title", TRUE },
  { "活动类型", NC_("csv field", "Type"), "类型|类别|活动类别|服务类型|type", TRUE },
  { "开始时间", NC_("csv field", "Start"), "活动时间|时间|日期|活动日期|start", TRUE },
  { "结束时间", NC_("csv field", "End"), "end", FALSE },
  { "活动地点", NC_("csv field", "Venue"), "地点|场所|venue|place", FALSE },
  { "网格", NC_("csv field", "Grid"), "所属网格|grid", FALSE },
  { "组织者", NC_("csv field", "Organiser"), "组织单位|主办单位|发起人|organiser|organizer", FALSE },
  { "共建单位", NC_("csv field", "Partner organisations"), "合作单位|协办单位|partners", FALSE },
  { "服务对象人数", NC_("csv field", "Beneficiaries"), "受益人数|服务人数|服务对象|beneficiaries", FALSE },
  { "活动状态", NC_("csv field", "Status"), "状态|status", FALSE },
  { "活动内容", NC_("csv field", "Description"), "内容|活动简介|简介|说明|description", FALSE },
  { "志愿者", NC_("csv field", "Volunteer"), "志愿者姓名|姓名|参与人|volunteer|name", FALSE },
  { "志愿者编号", NC_("csv field", "Volunteer number"), "志愿者注册号|注册编号|编号|volunteer number", FALSE },
  { "角色", NC_("csv field", "Role"), "岗位|分工|职责|role", FALSE },
  { "服务时长（小时）", NC_("csv field", "Hours of service"), "服务时长|时长|服务小时数|小时数|志愿时长|hours", FALSE },
};

const LinliCsvField linli_volunteer_csv_fields[LINLI_N_VOLUNTEER_FIELDS] = {
  { "姓名", NC_("csv field", "Name"), "志愿者|志愿者姓名|name", TRUE },
  { "联系电话", NC_("csv field", "Phone"), "电话|手机|手机号|手机号码|联系方式|phone|mobile", FALSE },
  { "技能特长", NC_("csv field", "Skills"), "特长|技能|专长|skills", FALSE },
  { "志愿者编号", NC_("csv field", "Volunteer number"), "编号|注册编号|志愿者注册号|number", FALSE },
  { "备注", NC_("csv field", "Notes"), "说明|notes", FALSE },
};

const char * const linli_outreach_csv_headers[LINLI_N_OUTREACH_COLUMNS] = {
  "活动名称", "开始时间", "结束时间", "活动地点", "网格", "组织单位", "主讲人", "形式",
  "宣传对象", "宣传主题", "参与人数", "发放资料（份）", "反诈APP安装数", "含非现场安装",
  "解答咨询（人次）", "备注",
};

static const char *
activity_status_label (int value)
{
  return linli_activity_status_label (value);
}

/* Labels are translated when they are written: the import knows the
 * English labels (the msgids), the Chinese ones and the usual words, as
 * well as the current locale's and the nicks. */
const LinliEventEnumSpec linli_activity_status_spec = {
  linli_activity_status_get_type, activity_status_label, {
    "Planned|计划中|已计划|未开始|筹备中",
    "Done|已完成|完成|已开展|已结束",
    "Cancelled|已取消|取消",
  }
};

static gboolean
word_is (const char *word,
         const char *text)
{
  return g_ascii_strcasecmp (word, text) == 0;
}

/**
 * linli_event_enum_parse:
 *
 * Returns: %TRUE when @text names a value of the enumeration
 */
gboolean
linli_event_enum_parse (const LinliEventEnumSpec *spec,
                        const char               *text,
                        int                      *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (spec->get_type ());

  for (guint i = 0; i < klass->n_values; i++)
    {
      int v = klass->values[i].value;
      g_auto(GStrv) words = NULL;

      if (word_is (spec->label (v), text) || word_is (klass->values[i].value_nick, text))
        {
          *value = v;
          return TRUE;
        }
      if (i >= G_N_ELEMENTS (spec->aliases) || spec->aliases[i] == NULL)
        continue;
      words = g_strsplit (spec->aliases[i], "|", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (word_is (words[j], text))
          {
            *value = v;
            return TRUE;
          }
    }
  return FALSE;
}

/* The labels of every value, for a message. */
char *
linli_event_enum_choices (const LinliEventEnumSpec *spec)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (spec->get_type ());
  GString *choices = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the items of a list, "满意、基本满意" */
        g_string_append (choices, C_("list separator", ", "));
      g_string_append (choices, spec->label (klass->values[i].value));
    }
  return g_string_free (choices, FALSE);
}

/**
 * linli_event_csv_split_list:
 *
 * Returns: (transfer full): the names in @text, apart by 、，,；; or a
 *   line break, without the white space around them; empty for %NULL
 */
GStrv
linli_event_csv_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) normal = g_string_new (text);
  g_auto(GStrv) parts = NULL;
  const char *separators[] = { "、", "，", "；", "\xE3\x80\x80" };

  if (text == NULL)
    return g_strv_builder_end (builder);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    g_string_replace (normal, separators[i], ";", 0);
  parts = g_strsplit_set (normal->str, ";,\n\r", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      if (*name != '\0')
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

/* "2026-03-05 09:00", local time, as linli_parse_local_time() reads it. */
char *
linli_event_csv_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* 2, 1.5, 0.25: no more digits than the hours have. */
char *
linli_event_csv_format_hours (double hours)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", hours));
}
