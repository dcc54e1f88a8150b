/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-records.h"

/* Every record type is described by its columns; these tests walk all of
 * them, so a column added later is covered without touching this file. */

static char *
property_name (const char *column)
{
  return g_strdelimit (g_strdup (column), "_", '-');
}

static GType
expected_gtype (const LinliColumn *column)
{
  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:      return G_TYPE_STRING;
    case LINLI_COLUMN_INT:       return G_TYPE_INT64;
    case LINLI_COLUMN_REF:       return G_TYPE_INT64;
    case LINLI_COLUMN_DOUBLE:    return G_TYPE_DOUBLE;
    case LINLI_COLUMN_BOOL:      return G_TYPE_BOOLEAN;
    case LINLI_COLUMN_DATETIME:  return G_TYPE_DATE_TIME;
    case LINLI_COLUMN_ENUM:      return column->enum_type ();
    case LINLI_COLUMN_TEXT_LIST: return G_TYPE_STRV;
    case LINLI_COLUMN_REF_LIST:  return G_TYPE_ARRAY;
    default: g_assert_not_reached ();
    }
}

/* Two different values of a column, both different from a new record's
 * value (except BOOL, which has only two: variant 1 is TRUE, 2 FALSE). */
static void
sample_value (const LinliColumn *column,
              int                variant,
              GValue            *value)
{
  g_assert (variant == 1 || variant == 2);
  g_value_init (value, expected_gtype (column));

  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      g_value_take_string (value, g_strdup_printf ("民情 %d", variant));
      break;
    case LINLI_COLUMN_INT:
      g_value_set_int64 (value, 100 + variant);
      break;
    case LINLI_COLUMN_REF:
      g_value_set_int64 (value, 40 + variant);
      break;
    case LINLI_COLUMN_DOUBLE:
      g_value_set_double (value, 35.4512345678901 + variant);
      break;
    case LINLI_COLUMN_BOOL:
      g_value_set_boolean (value, variant == 1);
      break;
    case LINLI_COLUMN_DATETIME:
      {
        g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
        g_value_take_boxed (value, g_date_time_new (tz, 2026, 3, 10 + variant, 9, 30, 15));
        break;
      }
    case LINLI_COLUMN_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (column->enum_type ());
        g_assert_cmpuint (enum_class->n_values, >=, 2);
        /* The last value is never a type's default; the one before differs from it. */
        g_value_set_enum (value, enum_class->values[enum_class->n_values - variant].value);
        break;
      }
    case LINLI_COLUMN_TEXT_LIST:
      {
        g_autofree char *item = g_strdup_printf ("老年人 %d", variant);
        const char *items[] = { "学生", item, NULL };
        g_value_set_boxed (value, items);
        break;
      }
    case LINLI_COLUMN_REF_LIST:
      {
        GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        gint64 a = 3, b = 10 + variant;
        g_array_append_val (ids, a);
        g_array_append_val (ids, b);
        g_value_take_boxed (value, ids);
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Compares two values of a column without the library's own comparison. */
static gboolean
same_value (const LinliColumn *column,
            const GValue      *a,
            const GValue      *b)
{
  g_assert_true (G_VALUE_TYPE (a) == G_VALUE_TYPE (b));

  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case LINLI_COLUMN_INT:
    case LINLI_COLUMN_REF:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case LINLI_COLUMN_DOUBLE:
      {
        double x = g_value_get_double (a), y = g_value_get_double (b);
        return isnan (x) ? isnan (y) : x == y;
      }
    case LINLI_COLUMN_BOOL:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case LINLI_COLUMN_DATETIME:
      {
        GDateTime *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);
        return x == NULL || y == NULL ? x == y : g_date_time_compare (x, y) == 0;
      }
    case LINLI_COLUMN_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case LINLI_COLUMN_TEXT_LIST:
      {
        const char * const *x = g_value_get_boxed (a), * const *y = g_value_get_boxed (b);
        if (x == NULL || y == NULL)
          return (x == NULL || x[0] == NULL) && (y == NULL || y[0] == NULL);
        return g_strv_equal ((const char * const *) x, (const char * const *) y);
      }
    case LINLI_COLUMN_REF_LIST:
      {
        GArray *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);
        guint nx = x ? x->len : 0, ny = y ? y->len : 0;
        if (nx != ny)
          return FALSE;
        for (guint i = 0; i < nx; i++)
          if (g_array_index (x, gint64, i) != g_array_index (y, gint64, i))
            return FALSE;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
get_by_property (LinliRecord       *record,
                 const LinliColumn *column,
                 GValue            *value)
{
  g_autofree char *name = property_name (column->name);

  g_value_init (value, expected_gtype (column));
  g_object_get_property (G_OBJECT (record), name, value);
}

static void
set_by_property (LinliRecord       *record,
                 const LinliColumn *column,
                 const GValue      *value)
{
  g_autofree char *name = property_name (column->name);

  g_object_set_property (G_OBJECT (record), name, value);
}

/* Reads a column through the typed accessor, into a GValue. */
static void
get_by_accessor (LinliRecord       *record,
                 const LinliColumn *column,
                 GValue            *value)
{
  g_value_init (value, expected_gtype (column));

  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      g_value_set_string (value, linli_record_get_text (record, column->name));
      break;
    case LINLI_COLUMN_INT:
    case LINLI_COLUMN_REF:
      g_value_set_int64 (value, linli_record_get_int (record, column->name));
      break;
    case LINLI_COLUMN_DOUBLE:
      g_value_set_double (value, linli_record_get_double (record, column->name));
      break;
    case LINLI_COLUMN_BOOL:
      g_value_set_boolean (value, linli_record_get_bool (record, column->name));
      break;
    case LINLI_COLUMN_DATETIME:
      g_value_set_boxed (value, linli_record_get_datetime (record, column->name));
      break;
    case LINLI_COLUMN_ENUM:
      g_value_set_enum (value, linli_record_get_enum (record, column->name));
      break;
    case LINLI_COLUMN_TEXT_LIST:
      g_value_set_boxed (value, linli_record_get_strv (record, column->name));
      break;
    case LINLI_COLUMN_REF_LIST:
      g_value_set_boxed (value, linli_record_get_refs (record, column->name));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_by_accessor (LinliRecord       *record,
                 const LinliColumn *column,
                 const GValue      *value)
{
  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      linli_record_set_text (record, column->name, g_value_get_string (value));
      break;
    case LINLI_COLUMN_INT:
    case LINLI_COLUMN_REF:
      linli_record_set_int (record, column->name, g_value_get_int64 (value));
      break;
    case LINLI_COLUMN_DOUBLE:
      linli_record_set_double (record, column->name, g_value_get_double (value));
      break;
    case LINLI_COLUMN_BOOL:
      linli_record_set_bool (record, column->name, g_value_get_boolean (value));
      break;
    case LINLI_COLUMN_DATETIME:
      linli_record_set_datetime (record, column->name, g_value_get_boxed (value));
      break;
    case LINLI_COLUMN_ENUM:
      linli_record_set_enum (record, column->name, g_value_get_enum (value));
      break;
    case LINLI_COLUMN_TEXT_LIST:
      linli_record_set_strv (record, column->name, g_value_get_boxed (value));
      break;
    case LINLI_COLUMN_REF_LIST:
      {
        GArray *ids = g_value_get_boxed (value);
        linli_record_set_refs (record, column->name,
                               ids ? (const gint64 *) (gpointer) ids->data : NULL,
                               ids ? ids->len : 0);
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
assert_column_is (LinliRecord       *record,
                  const LinliColumn *column,
                  const GValue      *expected)
{
  g_auto(GValue) by_property = G_VALUE_INIT;
  g_auto(GValue) by_accessor = G_VALUE_INIT;

  get_by_property (record, column, &by_property);
  get_by_accessor (record, column, &by_accessor);
  if (!same_value (column, &by_property, expected) || !same_value (column, &by_accessor, expected))
    {
      g_autofree char *want = g_strdup_value_contents (expected);
      g_autofree char *got = g_strdup_value_contents (&by_property);
      g_error ("%s.%s: expected %s, property gives %s",
               G_OBJECT_TYPE_NAME (record), column->name, want, got);
    }
}

/* Calls @func for every column of every record type. */
typedef void (*ColumnFunc) (GType type, const LinliColumn *column, gpointer data);

static void
for_each_column (ColumnFunc func,
                 gpointer   data)
{
  guint n_types;
  const GType *types = linli_record_types (&n_types);

  g_assert_cmpuint (n_types, ==, 12);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      guint n_columns;
      const LinliColumn *columns = linli_record_class_get_columns (LINLI_RECORD_CLASS (klass), &n_columns);

      g_assert_cmpuint (n_columns, >, 0);
      for (guint c = 0; c < n_columns; c++)
        func (types[t], &columns[c], data);
    }
}

/* ------------------------------------------------------------------------ */

static void
test_types (void)
{
  guint n_types;
  const GType *types = linli_record_types (&n_types);
  const char *tables[] = {
    "community", "grid", "worker", "building", "resident", "case_record", "case_event",
    "volunteer", "organisation", "activity", "participation", "outreach",
  };

  g_assert_cmpuint (n_types, ==, G_N_ELEMENTS (tables));
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      g_assert_true (g_type_is_a (types[i], LINLI_TYPE_RECORD));
      g_assert_cmpstr (linli_record_class_get_table (LINLI_RECORD_CLASS (klass)), ==, tables[i]);
      for (guint j = 0; j < i; j++)
        g_assert_true (types[i] != types[j]);
    }
}

static void
check_property_cb (GType              type,
                   const LinliColumn *column,
                   gpointer           data)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *name = property_name (column->name);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
  guint *seen = data;

  if (pspec == NULL)
    g_error ("%s has no property %s for column %s", g_type_name (type), name, column->name);
  g_assert_cmpstr (pspec->name, ==, name);
  g_assert_true (pspec->owner_type == type);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == expected_gtype (column));
  g_assert_true ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_cmpint (linli_record_class_find_column (LINLI_RECORD_CLASS (klass), column->name), ==,
                   column - linli_record_class_get_columns (LINLI_RECORD_CLASS (klass), NULL));
  seen[column->type]++;
}

static void
test_properties (void)
{
  guint seen[LINLI_COLUMN_REF_LIST + 1] = { 0, };
  guint n_types;
  const GType *types = linli_record_types (&n_types);

  for_each_column (check_property_cb, seen);

  /* Every column type occurs somewhere, so the other tests cover them all. */
  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    g_assert_cmpuint (seen[i], >, 0);

  /* No properties beyond the id and the columns. */
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_props, n_columns;

      linli_record_class_get_columns (LINLI_RECORD_CLASS (klass), &n_columns);
      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_props);
      g_assert_cmpuint (n_props, ==, n_columns + 1);
      g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), "id"));
    }
}

static void
round_trip_cb (GType              type,
               const LinliColumn *column,
               gpointer           data)
{
  g_autoptr(LinliRecord) record = linli_record_new (type);
  g_auto(GValue) one = G_VALUE_INIT;
  g_auto(GValue) two = G_VALUE_INIT;

  sample_value (column, 1, &one);
  sample_value (column, 2, &two);

  set_by_property (record, column, &one);
  assert_column_is (record, column, &one);
  set_by_accessor (record, column, &two);
  assert_column_is (record, column, &two);
  set_by_property (record, column, &two);
  assert_column_is (record, column, &two);
  set_by_accessor (record, column, &one);
  assert_column_is (record, column, &one);
}

static void
test_round_trip (void)
{
  for_each_column (round_trip_cb, NULL);
}

/* Values a column can be emptied to, and the accessors' view of unset. */
static void
test_unset_values (void)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) when = g_date_time_new (tz, 2026, 1, 2, 3, 4, 5);
  const char *topics[] = { "刷单返利", "冒充公检法", NULL };
  const gint64 workers[] = { 5, 7 };
  double lat = 0;

  /* A double is NAN until set; NAN sets it back to unset. */
  g_assert_true (isnan (linli_record_get_double (record, "lat")));
  g_object_get (record, "lat", &lat, NULL);
  g_assert_true (isnan (lat));
  g_object_set (record, "lat", 35.45, NULL);
  g_assert_cmpfloat (linli_record_get_double (record, "lat"), ==, 35.45);
  g_object_set (record, "lat", NAN, NULL);
  g_assert_true (isnan (linli_record_get_double (record, "lat")));
  linli_record_set_double (record, "lat", 0.0);
  g_assert_cmpfloat (linli_record_get_double (record, "lat"), ==, 0.0);
  linli_record_set_double (record, "lat", NAN);
  g_assert_true (isnan (linli_record_get_double (record, "lat")));

  /* Defaults the types set themselves. */
  g_assert_cmpint (linli_record_get_enum (record, "urgency"), ==, LINLI_URGENCY_NORMAL);
  g_assert_cmpint (linli_record_get_enum (record, "status"), ==, LINLI_CASE_STATUS_REGISTERED);
  g_assert_cmpint (linli_record_get_enum (record, "resolution_level"), ==, LINLI_RESOLUTION_LEVEL_NONE);
  g_assert_cmpstr (linli_record_get_text (grid, "color"), ==, "#3584e4");

  g_assert_null (linli_record_get_text (record, "title"));
  linli_record_set_text (record, "title", "楼道灯不亮");
  g_assert_cmpstr (linli_record_get_text (record, "title"), ==, "楼道灯不亮");
  linli_record_set_text (record, "title", NULL);
  g_assert_null (linli_record_get_text (record, "title"));

  g_assert_cmpint (linli_record_get_int (record, "worker_id"), ==, 0);
  g_assert_null (linli_record_get_datetime (record, "due_at"));
  linli_record_set_datetime (record, "due_at", when);
  g_assert_true (g_date_time_equal (linli_record_get_datetime (record, "due_at"), when));
  linli_record_set_datetime (record, "due_at", NULL);
  g_assert_null (linli_record_get_datetime (record, "due_at"));

  linli_record_set_strv (outreach, "topics", topics);
  g_assert_true (g_strv_equal ((const char * const *) linli_record_get_strv (outreach, "topics"), topics));
  g_assert_true (linli_record_get_strv (outreach, "topics") != topics);
  linli_record_set_strv (outreach, "topics", NULL);
  g_assert_true (linli_record_get_strv (outreach, "topics") == NULL ||
                 linli_record_get_strv (outreach, "topics")[0] == NULL);

  linli_record_set_refs (grid, "workers", workers, G_N_ELEMENTS (workers));
  g_assert_cmpuint (linli_record_get_refs (grid, "workers")->len, ==, 2);
  g_assert_cmpint (g_array_index (linli_record_get_refs (grid, "workers"), gint64, 1), ==, 7);
  linli_record_set_refs (grid, "workers", NULL, 0);
  g_assert_cmpuint (linli_record_get_refs (grid, "workers")->len, ==, 0);

  g_assert_cmpint (linli_record_get_id (record), ==, 0);
  linli_record_set_id (record, 42);
  g_assert_cmpint (linli_record_get_id (record), ==, 42);
}

/* ------------------------------------------------------------------------ */

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
notify_cb (GType              type,
           const LinliColumn *column,
           gpointer           data)
{
  g_autoptr(LinliRecord) record = linli_record_new (type);
  g_autofree char *name = property_name (column->name);
  g_autofree char *signal = g_strconcat ("notify::", name, NULL);
  g_auto(GValue) one = G_VALUE_INIT;
  g_auto(GValue) one_again = G_VALUE_INIT;
  g_auto(GValue) two = G_VALUE_INIT;
  guint count = 0, any = 0;

  sample_value (column, 1, &one);
  sample_value (column, 1, &one_again);  /* equal, but a separate copy */
  sample_value (column, 2, &two);
  g_signal_connect (record, signal, G_CALLBACK (count_cb), &count);
  g_signal_connect (record, "notify", G_CALLBACK (count_cb), &any);

  set_by_property (record, column, &one);
  g_assert_cmpuint (count, ==, 1);
  set_by_property (record, column, &one);
  set_by_property (record, column, &one_again);
  set_by_accessor (record, column, &one_again);
  g_assert_cmpuint (count, ==, 1);
  set_by_accessor (record, column, &two);
  g_assert_cmpuint (count, ==, 2);
  set_by_accessor (record, column, &two);
  g_assert_cmpuint (count, ==, 2);
  set_by_property (record, column, &one);
  g_assert_cmpuint (count, ==, 3);

  /* Only this property was notified. */
  g_assert_cmpuint (any, ==, count);
}

static void
test_notify (void)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  guint lat = 0, id = 0, title = 0;

  for_each_column (notify_cb, NULL);

  /* Special cases: NAN to NAN, NULL to NULL, and the id. */
  g_signal_connect (record, "notify::lat", G_CALLBACK (count_cb), &lat);
  g_signal_connect (record, "notify::id", G_CALLBACK (count_cb), &id);
  g_signal_connect (record, "notify::title", G_CALLBACK (count_cb), &title);
  linli_record_set_double (record, "lat", NAN);
  g_object_set (record, "lat", NAN, NULL);
  g_assert_cmpuint (lat, ==, 0);
  linli_record_set_double (record, "lat", 35);
  g_assert_cmpuint (lat, ==, 1);
  linli_record_set_double (record, "lat", NAN);
  g_assert_cmpuint (lat, ==, 2);

  linli_record_set_text (record, "title", NULL);
  g_assert_cmpuint (title, ==, 0);
  linli_record_set_text (record, "title", "");
  g_assert_cmpuint (title, ==, 1);
  linli_record_set_text (record, "title", NULL);
  g_assert_cmpuint (title, ==, 2);

  linli_record_set_id (record, 0);
  g_assert_cmpuint (id, ==, 0);
  g_object_set (record, "id", (gint64) 9, NULL);
  g_assert_cmpuint (id, ==, 1);
  linli_record_set_id (record, 9);
  g_assert_cmpuint (id, ==, 1);
}

/* ------------------------------------------------------------------------ */

/* A record of @type with every column set to its sample @variant. */
static LinliRecord *
filled_record (GType type,
               int   variant)
{
  LinliRecord *record = linli_record_new (type);
  guint n_columns;
  const LinliColumn *columns = linli_record_class_get_columns (LINLI_RECORD_GET_CLASS (record), &n_columns);

  linli_record_set_id (record, 7);
  for (guint i = 0; i < n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      sample_value (&columns[i], variant, &value);
      set_by_property (record, &columns[i], &value);
    }
  return record;
}

static void
copy_cb (GType              type,
         const LinliColumn *column,
         gpointer           data)
{
  g_autoptr(LinliRecord) original = filled_record (type, 1);
  g_autoptr(LinliRecord) reference = filled_record (type, 1);
  g_autoptr(LinliRecord) copy = linli_record_copy (original);
  g_auto(GValue) one = G_VALUE_INIT;
  g_auto(GValue) two = G_VALUE_INIT;
  guint notified = 0;

  sample_value (column, 1, &one);
  sample_value (column, 2, &two);

  g_assert_true (copy != original);
  g_assert_true (G_OBJECT_TYPE (copy) == type);
  g_assert_cmpint (linli_record_get_id (copy), ==, 7);
  g_assert_true (linli_record_equal (copy, original));
  g_assert_true (linli_record_equal (original, copy));
  assert_column_is (copy, column, &one);

  /* Changing the copy leaves the original as it was, and the two differ. */
  g_signal_connect (original, "notify", G_CALLBACK (count_cb), &notified);
  set_by_accessor (copy, column, &two);
  assert_column_is (copy, column, &two);
  assert_column_is (original, column, &one);
  g_assert_true (linli_record_equal (original, reference));
  g_assert_false (linli_record_equal (copy, original));
  g_assert_false (linli_record_equal (original, copy));
  g_assert_cmpuint (notified, ==, 0);

  /* And equal again once the value is back. */
  set_by_property (copy, column, &one);
  g_assert_true (linli_record_equal (copy, original));
}

static void
test_copy_equal (void)
{
  g_autoptr(LinliRecord) a = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(LinliRecord) b = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  g_autoptr(LinliRecord) grid_copy = NULL;
  g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(LinliRecord) outreach_copy = NULL;
  const gint64 workers[] = { 1, 2 };
  const char *groups[] = { "老年人", NULL };
  const char *empty[] = { NULL };
  GArray *refs;

  for_each_column (copy_cb, NULL);

  /* Two new records are equal; the id and the type count. */
  g_assert_true (linli_record_equal (a, b));
  linli_record_set_id (b, 3);
  g_assert_false (linli_record_equal (a, b));
  linli_record_set_id (a, 3);
  g_assert_true (linli_record_equal (a, b));
  g_assert_false (linli_record_equal (resident, worker));

  /* Unset and set are different values; 0.0 is not unset. */
  linli_record_set_double (a, "lon", 0.0);
  g_assert_false (linli_record_equal (a, b));
  linli_record_set_double (b, "lon", 0.0);
  g_assert_true (linli_record_equal (a, b));
  linli_record_set_text (a, "title", "");
  g_assert_false (linli_record_equal (a, b));
  linli_record_set_text (b, "title", "");
  g_assert_true (linli_record_equal (a, b));

  /* A list in another order is another list. */
  linli_record_set_refs (grid, "workers", workers, 2);
  grid_copy = linli_record_copy (grid);
  {
    const gint64 reversed[] = { 2, 1 };
    linli_record_set_refs (grid_copy, "workers", reversed, 2);
  }
  g_assert_false (linli_record_equal (grid, grid_copy));

  /* The copy's id list is its own: an editor that appends to it in place
   * must not change the original behind its back. */
  g_clear_object (&grid_copy);
  grid_copy = linli_record_copy (grid);
  refs = linli_record_get_refs (grid_copy, "workers");
  g_assert_true (refs != linli_record_get_refs (grid, "workers"));

  /* An empty list and no list are the same: neither has any value. */
  linli_record_set_strv (outreach, "target_groups", empty);
  outreach_copy = linli_record_copy (outreach);
  linli_record_set_strv (outreach_copy, "target_groups", NULL);
  g_assert_true (linli_record_equal (outreach, outreach_copy));
  linli_record_set_strv (outreach_copy, "target_groups", groups);
  g_assert_false (linli_record_equal (outreach, outreach_copy));
}

/* A column the record does not have, or of another type, is the caller's
 * bug: a critical, and the accessor reads nothing and writes nothing. */
static void
test_unknown_column (void)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);

  linli_record_set_text (record, "title", "楼道灯不亮");

  g_test_expect_message ("linli-record", G_LOG_LEVEL_CRITICAL, "LinliCase has no column titel");
  g_assert_null (linli_record_get_text (record, "titel"));
  g_test_assert_expected_messages ();

  g_test_expect_message ("linli-record", G_LOG_LEVEL_CRITICAL, "LinliCase.title is not of the type asked for");
  g_assert_cmpint (linli_record_get_int (record, "title"), ==, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message ("linli-record", G_LOG_LEVEL_CRITICAL, "LinliCase has no column titel");
  linli_record_set_text (record, "titel", "别的");
  g_test_assert_expected_messages ();

  g_test_expect_message ("linli-record", G_LOG_LEVEL_CRITICAL, "LinliCase.title is not of the type asked for");
  linli_record_set_enum (record, "title", 1);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (linli_record_get_text (record, "title"), ==, "楼道灯不亮");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/types", test_types);
  g_test_add_func ("/records/unknown-column", test_unknown_column);
  g_test_add_func ("/records/properties", test_properties);
  g_test_add_func ("/records/round-trip", test_round_trip);
  g_test_add_func ("/records/unset-values", test_unset_values);
  g_test_add_func ("/records/notify", test_notify);
  g_test_add_func ("/records/copy-equal", test_copy_equal);

  return g_test_run ();
}
