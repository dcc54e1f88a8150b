/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-demo"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "linli-demo-private.h"

/* Writes the demo's cases: the newspaper article's own cases as the data
 * tells them, and some two hundred everyday cases generated from the data's
 * templates with a fixed seed. Each case is planned first, with the steps of
 * its timeline, and then written through the store in order of reporting. */

#define N_GENERATED_CASES  200
#define CASE_SEED          20260303

typedef enum {
  STEP_STATUS,
  STEP_EVENT,
} StepKind;

typedef struct
{
  GDateTime            *at;
  StepKind              kind;
  LinliCaseStatus       status;
  LinliDiaryEntryKind    event_kind;
  char                 *text;          /* event text, resolution or revisit notes */
  LinliResolutionLevel  level;
  LinliSatisfaction     satisfaction;
  gint64                worker_id;     /* who wrote an event; 0: the case's worker */
} Step;

typedef enum {
  PLAN_NORMAL,
  PLAN_STALLED,
  PLAN_SUSPENDED,
  PLAN_VOID,
  PLAN_DUPLICATE,
  PLAN_OPEN,
} PlanKind;

typedef struct
{
  GDateTime    *reported_at;
  GDateTime    *due_at;
  char         *title;
  char         *description;
  char         *category;
  char         *subcategory;
  char         *source;
  char         *address;
  char         *responsible_unit;
  gint64        reporter_id;
  gint64        building_id;
  gint64        grid_id;
  gint64        worker_id;
  double        lat, lon;
  LinliUrgency  urgency;
  PlanKind      kind;
  int           duplicate_of;  /* index of the plan this one repeats, or -1 */
  GArray       *steps;         /* Step, in order of time */
  guint         index;         /* in the order planned */
  gint64        case_id;       /* once written */
  char         *number;
} CasePlan;

/* ------------------------------------------------------------------------ */
/* Cases. Each is planned first — its fields and the steps of its timeline —
 * and then written through the store as an office would have: inserted when
 * reported, updated at each step with the store's clock at that step. */

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->at, g_date_time_unref);
  g_clear_pointer (&step->text, g_free);
}

static void
plan_free (gpointer data)
{
  CasePlan *plan = data;

  g_clear_pointer (&plan->reported_at, g_date_time_unref);
  g_clear_pointer (&plan->due_at, g_date_time_unref);
  g_free (plan->title);
  g_free (plan->description);
  g_free (plan->category);
  g_free (plan->subcategory);
  g_free (plan->source);
  g_free (plan->address);
  g_free (plan->responsible_unit);
  g_free (plan->number);
  g_clear_pointer (&plan->steps, g_array_unref);
  g_free (plan);
}

static CasePlan *
plan_new (void)
{
  CasePlan *plan = g_new0 (CasePlan, 1);

  plan->lat = NAN;
  plan->lon = NAN;
  plan->duplicate_of = -1;
  plan->urgency = LINLI_URGENCY_NORMAL;
  plan->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (plan->steps, step_clear);
  return plan;
}

/* Adds a step at @at (taking it); returns it to fill in. */
static Step *
add_step (CasePlan  *plan,
          GDateTime *at,
          StepKind   kind)
{
  Step step = { 0 };

  step.at = at;
  step.kind = kind;
  g_array_append_val (plan->steps, step);
  return &g_array_index (plan->steps, Step, plan->steps->len - 1);
}

static void
add_status (CasePlan        *plan,
            GDateTime       *at,
            LinliCaseStatus  status)
{
  add_step (plan, at, STEP_STATUS)->status = status;
}

static void
add_event (CasePlan           *plan,
           GDateTime          *at,
           LinliDiaryEntryKind  kind,
           const char         *text)
{
  Step *step = add_step (plan, at, STEP_EVENT);

  step->event_kind = kind;
  step->text = g_strdup (text);
}

/* Events sort in among the status changes by their time; a stable sort, so
 * a note written just before a change at the same minute stays before it. */
static void
sort_steps (CasePlan *plan)
{
  Step *steps = (Step *) (gpointer) plan->steps->data;

  for (guint i = 1; i < plan->steps->len; i++)
    {
      Step step = steps[i];
      guint j = i;

      for (; j > 0 && g_date_time_compare (steps[j - 1].at, step.at) > 0; j--)
        steps[j] = steps[j - 1];
      steps[j] = step;
    }
}

static gboolean
write_event (Demo       *d,
             CasePlan   *plan,
             const Step *step,
             const char *original_number,
             GError    **error)
{
  g_autoptr(LinliRecord) event = linli_record_new (LINLI_TYPE_DIARY_ENTRY);
  g_autofree char *text = NULL;

  /* A duplicate's note names the case it repeats. */
  if (original_number != NULL && strstr (step->text, "{number}") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (step->text, "{number}", -1);
      text = g_strjoinv (original_number, parts);
    }
  linli_record_set_int (event, "case_id", plan->case_id);
  linli_record_set_datetime (event, "at", step->at);
  linli_record_set_int (event, "worker_id", step->worker_id != 0 ? step->worker_id : plan->worker_id);
  linli_record_set_enum (event, "kind", step->event_kind);
  linli_record_set_text (event, "text", text != NULL ? text : step->text);
  return linli_store_insert (d->store, event, error);
}

static gboolean
write_case (Demo      *d,
            GPtrArray *plans,
            guint      index,
            GError   **error)
{
  CasePlan *plan = g_ptr_array_index (plans, index);
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);

  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }

  plan->number = linli_store_next_case_number (d->store, g_date_time_get_year (plan->reported_at));
  linli_record_set_text (record, "number", plan->number);
  linli_record_set_text (record, "title", plan->title);
  linli_record_set_text (record, "description", plan->description);
  linli_record_set_text (record, "category", plan->category);
  linli_record_set_text (record, "subcategory", plan->subcategory);
  linli_record_set_text (record, "source", plan->source);
  linli_record_set_int (record, "reporter_id", plan->reporter_id);
  linli_record_set_int (record, "building_id", plan->building_id);
  linli_record_set_text (record, "address", plan->address);
  linli_record_set_double (record, "lat", plan->lat);
  linli_record_set_double (record, "lon", plan->lon);
  linli_record_set_int (record, "grid_id", plan->grid_id);
  linli_record_set_enum (record, "urgency", plan->urgency);
  linli_record_set_text (record, "responsible_unit", plan->responsible_unit);
  linli_record_set_datetime (record, "reported_at", plan->reported_at);
  linli_record_set_datetime (record, "due_at", plan->due_at);
  linli_record_set_enum (record, "status", LINLI_CASE_STATUS_REGISTERED);

  linli_demo_set_clock (d, plan->reported_at);
  if (!linli_store_insert (d->store, record, error))
    return FALSE;
  plan->case_id = linli_record_get_id (record);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const Step *step = &g_array_index (plan->steps, Step, i);

      /* What has not happened yet by today is still to come. */
      if (g_date_time_compare (step->at, d->today) > 0)
        break;

      if (step->kind == STEP_EVENT)
        {
          CasePlan *original = plan->duplicate_of >= 0 ? g_ptr_array_index (plans, plan->duplicate_of) : NULL;
          if (!write_event (d, plan, step, original != NULL ? original->number : NULL, error))
            return FALSE;
          continue;
        }

      linli_demo_set_clock (d, step->at);
      switch (step->status)
        {
        case LINLI_CASE_STATUS_ASSIGNED:
          linli_record_set_int (record, "worker_id", plan->worker_id);
          break;
        case LINLI_CASE_STATUS_RESOLVED:
          linli_record_set_text (record, "resolution", step->text);
          linli_record_set_enum (record, "resolution_level", step->level);
          linli_record_set_datetime (record, "resolved_at", step->at);
          break;
        case LINLI_CASE_STATUS_REVISITED:
          linli_record_set_enum (record, "satisfaction", step->satisfaction);
          linli_record_set_datetime (record, "revisited_at", step->at);
          linli_record_set_text (record, "revisit_notes", step->text);
          break;
        case LINLI_CASE_STATUS_DUPLICATE:
          {
            CasePlan *original = g_ptr_array_index (plans, plan->duplicate_of);
            linli_record_set_int (record, "duplicate_of", original->case_id);
          }
          break;
        case LINLI_CASE_STATUS_REGISTERED:
        case LINLI_CASE_STATUS_IN_PROGRESS:
        case LINLI_CASE_STATUS_ESCALATED:
        case LINLI_CASE_STATUS_SUSPENDED:
        case LINLI_CASE_STATUS_VOID:
        default:
          break;
        }
      linli_record_set_enum (record, "status", step->status);
      if (!linli_store_update (d->store, record, error))
        return FALSE;
    }
  return TRUE;
}

/* The article's own cases, with their timelines as the data tells them. */
static gboolean
plan_article_cases (Demo       *d,
                    JsonObject *root,
                    GPtrArray  *plans,
                    GError    **error)
{
  JsonArray *cases = linli_demo_req_array (d, root, "article_cases");

  for (guint i = 0; i < linli_demo_length (cases); i++)
    {
      JsonObject *o = linli_demo_object_at (d, cases, i, "article_cases");
      JsonArray *timeline = linli_demo_req_array (d, o, "timeline");
      JsonObject *reporter = linli_demo_opt_object (d, o, "reporter");
      const char *building_name = linli_demo_opt_str (d, o, "building");
      const char *place_name = linli_demo_opt_str (d, o, "place");
      CasePlan *plan = plan_new ();
      int span = 0;
      GDate date;

      g_ptr_array_add (plans, plan);
      for (guint j = 0; j < linli_demo_length (timeline); j++)
        span = MAX (span, (int) linli_demo_opt_int (d, linli_demo_object_at (d, timeline, j, "timeline"), "day", 0));
      linli_demo_anchor_date (d, linli_demo_req_object (d, o, "anchor"), span, &date);

      plan->title = g_strdup (linli_demo_req_str (d, o, "title"));
      plan->description = g_strdup (linli_demo_opt_str (d, o, "description"));
      plan->category = g_strdup (linli_demo_req_str (d, o, "category"));
      plan->subcategory = g_strdup (linli_demo_opt_str (d, o, "subcategory"));
      plan->source = g_strdup (linli_demo_req_str (d, o, "source"));
      plan->address = g_strdup (linli_demo_opt_str (d, o, "address"));
      plan->responsible_unit = g_strdup (linli_demo_opt_str (d, o, "responsible_unit"));
      plan->urgency = linli_demo_enum_value (d, LINLI_TYPE_URGENCY, linli_demo_req_str (d, o, "urgency"));
      plan->worker_id = linli_demo_lookup_id (d, d->workers, linli_demo_req_str (d, o, "worker"));
      if (reporter != NULL && !linli_demo_write_resident (d, reporter, &plan->reporter_id, error))
        return FALSE;
      if (building_name != NULL)
        {
          const Building *building = linli_demo_find_building (d, building_name);
          if (building != NULL)
            {
              plan->building_id = building->id;
              plan->grid_id = building->grid_id;
              plan->lat = building->lat;
              plan->lon = building->lon;
            }
        }
      else if (place_name != NULL)
        {
          const Place *place = g_hash_table_lookup (d->places, place_name);
          if (place == NULL)
            linli_demo_unknown (d, place_name);
          else
            {
              plan->grid_id = place->grid_id;
              plan->lat = place->lat;
              plan->lon = place->lon;
            }
        }

      for (guint j = 0; j < linli_demo_length (timeline); j++)
        {
          JsonObject *s = linli_demo_object_at (d, timeline, j, "timeline");
          GDateTime *at = linli_demo_date_at_hhmm (d, &date, (int) linli_demo_opt_int (d, s, "day", 0), linli_demo_req_str (d, s, "time"));
          const char *status = linli_demo_opt_str (d, s, "status");
          const char *worker = linli_demo_opt_str (d, s, "worker");
          Step *step;

          if (j == 0)
            {
              /* The first step is the report itself. */
              if (g_strcmp0 (status, "registered") != 0)
                linli_demo_damaged (d, "timeline");
              plan->reported_at = at;
              continue;
            }
          if (status != NULL)
            {
              step = add_step (plan, at, STEP_STATUS);
              step->status = linli_demo_enum_value (d, LINLI_TYPE_CASE_STATUS, status);
              if (step->status == LINLI_CASE_STATUS_RESOLVED)
                {
                  step->text = g_strdup (linli_demo_req_str (d, s, "resolution"));
                  step->level = linli_demo_enum_value (d, LINLI_TYPE_RESOLUTION_LEVEL, linli_demo_req_str (d, s, "level"));
                }
              else if (step->status == LINLI_CASE_STATUS_REVISITED)
                {
                  step->text = g_strdup (linli_demo_opt_str (d, s, "notes"));
                  step->satisfaction = linli_demo_enum_value (d, LINLI_TYPE_SATISFACTION, linli_demo_req_str (d, s, "satisfaction"));
                }
            }
          else
            {
              step = add_step (plan, at, STEP_EVENT);
              step->event_kind = linli_demo_enum_value (d, LINLI_TYPE_DIARY_ENTRY_KIND, linli_demo_req_str (d, s, "event"));
              step->text = g_strdup (linli_demo_req_str (d, s, "text"));
            }
          if (worker != NULL)
            step->worker_id = linli_demo_lookup_id (d, d->workers, worker);
        }

      if (plan->reported_at == NULL)
        plan->reported_at = linli_demo_date_at (d, &date, 0, 9 * 60);
      plan->due_at = g_date_time_add_days (plan->reported_at, (int) MAX (linli_demo_opt_int (d, o, "due_days", 7), 1));
    }
  return TRUE;
}

static const char *
pick_string (Demo       *d,
             GRand      *rand,
             JsonObject *o,
             const char *name)
{
  JsonArray *array = linli_demo_req_array (d, o, name);

  if (linli_demo_length (array) == 0)
    return "";
  return linli_demo_string_at (d, array, (guint) g_rand_int_range (rand, 0, (gint32) linli_demo_length (array)), name);
}

static gint64
weight_of (Demo       *d,
           JsonObject *weights,
           JsonObject *allowed,
           const char *nick)
{
  if (allowed != NULL && linli_demo_member (allowed, nick) == NULL)
    return 0;
  return MAX (linli_demo_opt_int (d, weights, nick, 0), 0);
}

/* An object of weights by nick, {"grid": 85, "community": 15}, picked from in
 * the order of the enum so that the choice does not depend on the JSON order;
 * only nicks that are also members of @allowed, when it is given. */
static int
pick_enum (Demo       *d,
           GRand      *rand,
           JsonObject *weights,
           JsonObject *allowed,
           GType       type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  gint64 total = 0, roll;

  for (guint i = 0; i < klass->n_values; i++)
    total += weight_of (d, weights, allowed, klass->values[i].value_nick);
  if (total <= 0)
    {
      linli_demo_damaged (d, "weights");
      return klass->values[klass->n_values - 1].value;
    }
  roll = g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < klass->n_values; i++)
    {
      roll -= weight_of (d, weights, allowed, klass->values[i].value_nick);
      if (roll < 0)
        return klass->values[i].value;
    }
  g_assert_not_reached ();
}

/* An element of an array of objects, each with a "weight". */
static JsonObject *
pick_weighted (Demo      *d,
               GRand     *rand,
               JsonArray *array)
{
  gint64 total = 0, roll;

  for (guint i = 0; i < linli_demo_length (array); i++)
    total += MAX (linli_demo_opt_int (d, linli_demo_object_at (d, array, i, "weight"), "weight", 1), 0);
  if (total <= 0)
    return NULL;
  roll = g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < linli_demo_length (array); i++)
    {
      JsonObject *o = linli_demo_object_at (d, array, i, "weight");
      roll -= MAX (linli_demo_opt_int (d, o, "weight", 1), 0);
      if (roll < 0)
        return o;
    }
  return NULL;
}

/* Fills {building}, {unit}, {room} and {address} into a template text. */
static char *
expand (const char *text,
        const char *building,
        const char *unit,
        const char *room,
        const char *address)
{
  GString *out = g_string_new (text);

  g_string_replace (out, "{building}", building, 0);
  g_string_replace (out, "{unit}", unit, 0);
  g_string_replace (out, "{room}", room, 0);
  g_string_replace (out, "{address}", address, 0);
  return g_string_free (out, FALSE);
}

static char *
room_name (const Building *building,
           gint64          floor,
           int             side)
{
  static const char *const numerals[] = { "一", "二", "三", "四", "五", "六" };

  /* Old six-storey blocks say "三楼西户"; towers have room numbers. */
  if (building->floors <= 6)
    return g_strdup_printf ("%s楼%s户", numerals[CLAMP (floor, 1, 6) - 1], side == 0 ? "东" : "西");
  return g_strdup_printf ("%" G_GINT64_FORMAT "%02d室", floor, side + 1);
}

static int
compare_datetimes (gconstpointer a,
                   gconstpointer b)
{
  return g_date_time_compare (*(GDateTime **) a, *(GDateTime **) b);
}

static int
due_days (LinliUrgency urgency)
{
  switch (urgency)
    {
    case LINLI_URGENCY_URGENT: return 1;
    case LINLI_URGENCY_HIGH:   return 3;
    case LINLI_URGENCY_LOW:    return 15;
    case LINLI_URGENCY_NORMAL:
    default:                   return 7;
    }
}

/* The steps a case goes through after it is reported: assigned, dealt with,
 * perhaps passed up, resolved at @level, revisited; or stopped short of that
 * at @stage (0 registered, 1 assigned, 2 in progress, 3 to the end) or by
 * the kind of its plan. */
static void
plan_timeline (Demo                 *d,
               GRand                *rand,
               CasePlan             *plan,
               LinliResolutionLevel  level,
               JsonObject           *resolution,
               int                   stage)
{
  GDateTime *t;

  if (stage == 0)
    return;
  t = linli_demo_later (d, plan->reported_at, rand, g_str_equal (plan->source, "12345转办") ? 30 : 3,
                        g_str_equal (plan->source, "12345转办") ? 180 : 40);
  add_status (plan, g_date_time_ref (t), LINLI_CASE_STATUS_ASSIGNED);
  if (stage == 1)
    {
      g_date_time_unref (t);
      return;
    }

  if (plan->kind == PLAN_VOID)
    {
      GDateTime *v = linli_demo_later (d, t, rand, 30, 240);
      add_event (plan, g_date_time_ref (v), LINLI_DIARY_ENTRY_KIND_NOTE, pick_string (d, rand, d->texts, "void"));
      add_status (plan, v, LINLI_CASE_STATUS_VOID);
      g_date_time_unref (t);
      return;
    }

  {
    GDateTime *p = plan->urgency == LINLI_URGENCY_URGENT ? linli_demo_later (d, t, rand, 5, 30) : linli_demo_later (d, t, rand, 10, 180);
    g_date_time_unref (t);
    t = p;
  }
  add_status (plan, g_date_time_ref (t), LINLI_CASE_STATUS_IN_PROGRESS);
  if (g_rand_int_range (rand, 0, 100) < 50)
    add_event (plan, linli_demo_later (d, t, rand, 5, 60), LINLI_DIARY_ENTRY_KIND_VISIT, pick_string (d, rand, d->texts, "visit"));
  if (stage == 2)
    {
      g_date_time_unref (t);
      return;
    }

  if (plan->kind == PLAN_SUSPENDED)
    {
      GDateTime *s = linli_demo_later (d, t, rand, 1440, 4320);
      add_event (plan, g_date_time_ref (s), LINLI_DIARY_ENTRY_KIND_NOTE, pick_string (d, rand, d->texts, "suspend"));
      add_status (plan, s, LINLI_CASE_STATUS_SUSPENDED);
      g_date_time_unref (t);
      return;
    }

  if (level == LINLI_RESOLUTION_LEVEL_COMMUNITY)
    {
      GDateTime *e = linli_demo_later (d, t, rand, 60, 1440);
      add_event (plan, g_date_time_ref (e), LINLI_DIARY_ENTRY_KIND_ESCALATION,
                 pick_string (d, rand, d->texts, "escalate_community"));
      g_date_time_unref (t);
      t = e;
    }
  else if (level == LINLI_RESOLUTION_LEVEL_SUBDISTRICT)
    {
      GDateTime *e = linli_demo_later (d, t, rand, 120, 2880);
      add_status (plan, g_date_time_ref (e), LINLI_CASE_STATUS_ESCALATED);
      add_event (plan, g_date_time_add_minutes (e, 1), LINLI_DIARY_ENTRY_KIND_ESCALATION,
                 pick_string (d, rand, d->texts, "escalate_subdistrict"));
      g_date_time_unref (t);
      t = e;
      if (plan->kind != PLAN_STALLED)
        {
          t = linli_demo_later (d, e, rand, 1440, 7200);
          g_date_time_unref (e);
          add_status (plan, g_date_time_ref (t), LINLI_CASE_STATUS_IN_PROGRESS);
          add_event (plan, g_date_time_add_minutes (t, 2), LINLI_DIARY_ENTRY_KIND_NOTE,
                     pick_string (d, rand, d->texts, "subdistrict_back"));
        }
    }

  if (plan->kind == PLAN_STALLED)
    {
      /* Still waiting on someone, long past its due time. */
      add_event (plan, linli_demo_later (d, t, rand, 1440, 4320), LINLI_DIARY_ENTRY_KIND_NOTE,
                 pick_string (d, rand, d->texts, "stalled"));
      g_date_time_unref (t);
      return;
    }

  /* Resolved at its level, then revisited a few days later. */
  {
    const char *nick = linli_demo_enum_nick (LINLI_TYPE_RESOLUTION_LEVEL, level);
    JsonArray *texts = linli_demo_req_array (d, resolution, "texts");
    Step *step;
    GDateTime *r;

    if (level == LINLI_RESOLUTION_LEVEL_GRID)
      r = plan->urgency >= LINLI_URGENCY_HIGH ? linli_demo_later (d, t, rand, 30, 300) : linli_demo_later (d, t, rand, 60, 2880);
    else if (level == LINLI_RESOLUTION_LEVEL_COMMUNITY)
      r = linli_demo_later (d, t, rand, 1440, 8640);
    else
      r = linli_demo_later (d, t, rand, 4320, 28800);
    g_date_time_unref (t);

    step = add_step (plan, g_date_time_ref (r), STEP_STATUS);
    step->status = LINLI_CASE_STATUS_RESOLVED;
    step->level = level;
    step->text = g_strdup (linli_demo_length (texts) > 0 ? linli_demo_string_at (d, texts, (guint) g_rand_int_range (rand, 0, (gint32) linli_demo_length (texts)), nick) : "");
    if (g_rand_int_range (rand, 0, 100) < 30)
      add_event (plan, linli_demo_later (d, r, rand, 10, 120), LINLI_DIARY_ENTRY_KIND_FEEDBACK,
                 pick_string (d, rand, d->texts, "feedback"));

    if (g_rand_int_range (rand, 0, 100) < 92)
      {
        JsonObject *revisit = linli_demo_req_object (d, d->texts, "revisit");
        int roll2 = g_rand_int_range (rand, 0, 100);
        LinliSatisfaction satisfaction = roll2 < 85 ? LINLI_SATISFACTION_SATISFIED
                                       : roll2 < 97 ? LINLI_SATISFACTION_BASICALLY_SATISFIED
                                       : LINLI_SATISFACTION_DISSATISFIED;
        step = add_step (plan, linli_demo_later (d, r, rand, 1440, 5760), STEP_STATUS);
        step->status = LINLI_CASE_STATUS_REVISITED;
        step->satisfaction = satisfaction;
        step->text = g_strdup (pick_string (d, rand, revisit, linli_demo_enum_nick (LINLI_TYPE_SATISFACTION, satisfaction)));
      }
    g_date_time_unref (r);
  }
}

/* One everyday case from the templates, reported at @reported (taken).
 * @newest counts the cases still to come after it: the last two wait in the
 * office's tray, one just registered and one just assigned. */
static void
plan_generated_case (Demo      *d,
                     GRand     *rand,
                     JsonArray *templates,
                     JsonArray *sources,
                     GPtrArray *plans,
                     guint      first_generated,
                     int        newest,
                     GDateTime *reported)
{
  CasePlan *plan = plan_new ();
  JsonObject *tmpl = pick_weighted (d, rand, templates);
  JsonObject *source = pick_weighted (d, rand, sources);
  /* A variant is one story: its titles, descriptions and resolutions belong
   * together; what it does not say itself, its template does. */
  JsonArray *variants = linli_demo_req_array (d, tmpl, "variants");
  JsonObject *variant = linli_demo_length (variants) > 0
                        ? linli_demo_object_at (d, variants, (guint) g_rand_int_range (rand, 0, (gint32) linli_demo_length (variants)), "variants")
                        : NULL;
  JsonObject *levels = linli_demo_opt_object (d, variant, "levels") ?: linli_demo_req_object (d, tmpl, "levels");
  JsonObject *urgencies = linli_demo_opt_object (d, variant, "urgency") ?: linli_demo_req_object (d, tmpl, "urgency");
  JsonObject *resolutions = linli_demo_req_object (d, variant, "resolutions");
  JsonObject *resolution;
  const char *scope = linli_demo_opt_str (d, variant, "scope") ?: linli_demo_req_str (d, tmpl, "scope");
  const char *found_by = linli_demo_opt_str (d, variant, "source");
  JsonArray *titles = linli_demo_req_array (d, variant, "titles");
  JsonArray *descriptions = linli_demo_req_array (d, variant, "descriptions");
  guint story = (guint) g_rand_int_range (rand, 0, (gint32) MAX (linli_demo_length (titles), 1));
  gint64 min_floors = linli_demo_opt_int (d, tmpl, "min_floors", 0);
  gboolean anonymous;
  const Building *building = NULL;
  const Resident *reporter = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *room = NULL;
  g_autofree char *address = NULL;
  LinliResolutionLevel level;
  GArray *workers;
  GDate day;
  int age, roll, stage = 3;
  GDateTime *t;

  linli_demo_date_of (reported, &day);
  age = g_date_days_between (&day, &d->today_date);

  /* What a grid worker found on patrol came from the patrol. */
  for (guint i = 0; found_by != NULL && i < linli_demo_length (sources); i++)
    {
      JsonObject *o = linli_demo_object_at (d, sources, i, "sources");
      if (g_strcmp0 (linli_demo_opt_str (d, o, "name"), found_by) == 0)
        source = o;
    }
  if (found_by != NULL && g_strcmp0 (linli_demo_opt_str (d, source, "name"), found_by) != 0)
    linli_demo_unknown (d, found_by);
  /* A household's own trouble always has the household behind it. */
  anonymous = !g_str_equal (scope, "household") &&
              g_rand_int_range (rand, 0, 100) < linli_demo_opt_int (d, source, "anonymous", 0);

  g_ptr_array_add (plans, plan);
  plan->reported_at = reported;

  /* Who and where: a resident at home, or a place a grid worker passed by. */
  for (int tries = 0; !anonymous && reporter == NULL && tries < 20 && d->residents->len > 0; tries++)
    {
      const Resident *r = g_ptr_array_index (d->residents, g_rand_int_range (rand, 0, (gint32) d->residents->len));
      if (r->building->floors >= min_floors)
        reporter = r;
    }
  if (reporter != NULL)
    {
      building = reporter->building;
      unit = g_strdup_printf ("%" G_GINT64_FORMAT "单元", reporter->unit);
      room = g_strdup (reporter->room);
      plan->reporter_id = reporter->id;
    }
  else
    {
      for (int tries = 0; building == NULL || (building->floors < min_floors && tries < 50); tries++)
        building = g_ptr_array_index (d->building_list, g_rand_int_range (rand, 0, (gint32) d->building_list->len));
      unit = g_strdup_printf ("%d单元", g_rand_int_range (rand, 1, (gint32) building->units + 1));
      room = room_name (building, g_rand_int_range (rand, 1, (gint32) building->floors + 1), g_rand_int_range (rand, 0, 2));
    }

  if (g_str_equal (scope, "household"))
    address = g_strconcat (building->name, unit, room, NULL);
  else if (g_str_equal (scope, "unit"))
    address = g_strconcat (building->name, unit, NULL);
  else
    address = g_strdup (building->name);

  /* Titles and descriptions are told in pairs. */
  plan->title = expand (linli_demo_length (titles) > 0 ? linli_demo_string_at (d, titles, story, "titles") : "",
                        building->name, unit, room, address);
  plan->description = expand (linli_demo_length (descriptions) > 0
                              ? linli_demo_string_at (d, descriptions, story % linli_demo_length (descriptions), "descriptions") : "",
                              building->name, unit, room, address);
  plan->category = g_strdup (linli_demo_req_str (d, tmpl, "category"));
  plan->subcategory = g_strdup (linli_demo_opt_str (d, tmpl, "subcategory"));
  plan->source = g_strdup (linli_demo_req_str (d, source, "name"));
  plan->address = g_steal_pointer (&address);
  plan->building_id = building->id;
  plan->grid_id = building->grid_id;
  /* A few metres from the building's point: still inside its grid. */
  plan->lat = building->lat + g_rand_double_range (rand, -0.00003, 0.00003);
  plan->lon = building->lon + g_rand_double_range (rand, -0.00004, 0.00004);
  plan->urgency = pick_enum (d, rand, urgencies, NULL, LINLI_TYPE_URGENCY);
  plan->due_at = g_date_time_add_days (reported, due_days (plan->urgency));
  workers = g_hash_table_lookup (d->grid_workers, GSIZE_TO_POINTER ((gsize) building->grid_id));
  if (workers != NULL)
    plan->worker_id = g_array_index (workers, gint64, g_rand_int_range (rand, 0, (gint32) workers->len));
  level = pick_enum (d, rand, levels, resolutions, LINLI_TYPE_RESOLUTION_LEVEL);

  /* Most cases run their course; a few stall, wait, turn out void, or repeat
   * one reported a little earlier. */
  roll = g_rand_int_range (rand, 0, 1000);
  if (newest < 2)
    plan->kind = PLAN_OPEN;
  else if (age >= 7 && roll < 22 && plans->len - 1 > first_generated)
    plan->kind = PLAN_DUPLICATE;
  else if (age >= 3 && roll < 38)
    plan->kind = PLAN_VOID;
  else if (age >= 10 && roll < 55)
    plan->kind = PLAN_SUSPENDED;
  else if (age >= 20 && age <= 150 && roll < 110)
    plan->kind = PLAN_STALLED;
  else if (age <= 2 || (age <= 4 && roll < 500))
    plan->kind = PLAN_OPEN;
  else
    plan->kind = PLAN_NORMAL;

  /* What stalls is mostly what waits on the subdistrict. */
  if (plan->kind == PLAN_STALLED && g_rand_int_range (rand, 0, 100) < 60 &&
      linli_demo_member (resolutions, "subdistrict") != NULL)
    level = LINLI_RESOLUTION_LEVEL_SUBDISTRICT;
  /* Who deals with it follows from who resolves it. */
  resolution = linli_demo_req_object (d, resolutions, linli_demo_enum_nick (LINLI_TYPE_RESOLUTION_LEVEL, level));
  plan->responsible_unit = g_strdup (linli_demo_req_str (d, resolution, "unit"));
  /* A recent case still in hand: just registered, assigned, or being dealt with. */
  if (plan->kind == PLAN_OPEN)
    stage = newest < 2 ? newest : g_rand_int_range (rand, 0, 3);

  if (plan->kind == PLAN_DUPLICATE)
    {
      for (guint i = plans->len - 1; i-- > first_generated && plan->duplicate_of < 0;)
        {
          CasePlan *earlier = g_ptr_array_index (plans, i);
          if (earlier->kind == PLAN_NORMAL && earlier->building_id != 0)
            plan->duplicate_of = (int) i;
        }
      if (plan->duplicate_of < 0)
        plan->kind = PLAN_NORMAL;
      else
        {
          /* The commonest repeat: the same problem, passed on again by the
           * 12345 hotline after the resident called it too. */
          CasePlan *original = g_ptr_array_index (plans, plan->duplicate_of);
          g_free (plan->title);
          g_free (plan->description);
          g_free (plan->category);
          g_free (plan->subcategory);
          g_free (plan->address);
          g_free (plan->responsible_unit);
          g_free (plan->source);
          plan->title = g_strdup (original->title);
          plan->description = g_strdup (original->description);
          plan->category = g_strdup (original->category);
          plan->subcategory = g_strdup (original->subcategory);
          plan->address = g_strdup (original->address);
          plan->responsible_unit = g_strdup (original->responsible_unit);
          plan->source = g_strdup ("12345转办");
          plan->reporter_id = original->reporter_id;
          plan->building_id = original->building_id;
          plan->grid_id = original->grid_id;
          plan->lat = original->lat;
          plan->lon = original->lon;
          plan->worker_id = original->worker_id;
          t = linli_demo_later (d, reported, rand, 10, 90);
          add_event (plan, g_date_time_ref (t), LINLI_DIARY_ENTRY_KIND_NOTE,
                     linli_demo_req_str (d, d->texts, "duplicate"));
          add_status (plan, t, LINLI_CASE_STATUS_DUPLICATE);
          return;
        }
    }

  plan_timeline (d, rand, plan, level, resolution, stage);
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const CasePlan *pa = *(CasePlan **) a;
  const CasePlan *pb = *(CasePlan **) b;
  int order = g_date_time_compare (pa->reported_at, pb->reported_at);

  /* Planned in order of time: a repeat never comes before what it repeats. */
  if (order == 0)
    order = pa->index < pb->index ? -1 : pa->index > pb->index;
  return order;
}

gboolean
linli_demo_write_cases (Demo       *d,
                        JsonObject *root,
                        GError    **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (plan_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (CASE_SEED);
  g_autoptr(GDateTime) latest = g_date_time_add_minutes (d->today, -20);
  JsonArray *templates = linli_demo_req_array (d, root, "case_templates");
  JsonArray *sources = linli_demo_req_array (d, root, "sources");
  GDateTime *times[N_GENERATED_CASES];
  guint first_generated;

  if (d->error != NULL || d->building_list->len == 0)
    {
      linli_demo_damaged (d, "buildings");
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }

  /* When the everyday cases were reported: spread over the twelve months,
   * with a few in the last fortnight so that the office has work in hand. */
  for (guint i = 0; i < N_GENERATED_CASES; i++)
    {
      int age = i < 14 ? g_rand_int_range (rand, 0, 10) : g_rand_int_range (rand, 0, WINDOW_DAYS);
      int minutes = g_rand_int_range (rand, OFFICE_OPENS, OFFICE_CLOSES);

      times[i] = linli_demo_date_at (d, &d->today_date, -age, minutes);
      if (g_date_time_compare (times[i], latest) > 0)
        {
          GDateTime *earlier = g_date_time_add_days (times[i], -1);
          g_date_time_unref (times[i]);
          times[i] = earlier;
        }
    }
  qsort (times, N_GENERATED_CASES, sizeof (GDateTime *), compare_datetimes);

  /* What each one was about, in the order they came in. */
  if (!plan_article_cases (d, root, plans, error))
    {
      for (guint i = 0; i < N_GENERATED_CASES; i++)
        g_date_time_unref (times[i]);
      return FALSE;
    }
  first_generated = plans->len;
  for (guint i = 0; i < N_GENERATED_CASES; i++)
    plan_generated_case (d, rand, templates, sources, plans, first_generated,
                         N_GENERATED_CASES - 1 - (int) i, times[i]);

  /* Numbers follow the order of reporting. */
  for (guint i = 0; i < plans->len; i++)
    {
      CasePlan *plan = g_ptr_array_index (plans, i);

      plan->index = i;
      sort_steps (plan);
      g_ptr_array_add (order, plan);
    }
  g_ptr_array_sort (order, compare_plans);
  for (guint i = 0; i < order->len; i++)
    {
      CasePlan *plan = g_ptr_array_index (order, i);

      if (!write_case (d, plans, plan->index, error))
        return FALSE;
    }
  return TRUE;
}
