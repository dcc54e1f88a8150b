/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-community-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "linli-community-form.h"

/* Accepts "35.4575", "  35.4575 ", and the full-width digits and point a
 * Chinese input method may leave in ("３５．４５"). */
gboolean
linli_parse_degrees (const char *text,
                     double      limit,
                     double     *out)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return FALSE;
  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x3002) /* 。 typed for a decimal point */
        c = '.';
      if (c >= 0x80)
        return FALSE;
      g_string_append_c (ascii, (char) c);
    }
  g_strstrip (ascii->str);
  if (ascii->str[0] == '\0')
    return FALSE;
  value = g_ascii_strtod (ascii->str, &end);
  if (end == ascii->str || *end != '\0' || !isfinite (value) || fabs (value) > limit)
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
linli_community_form_validate (const LinliCommunityForm *form,
                               LinliCommunityFormErrors *errors)
{
  double value;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  linli_community_form_errors_clear (errors);

  if (is_blank (form->name))
    errors->name = g_strdup (_("Enter the name of the community"));
  else if (g_utf8_strlen (form->name, -1) > 60)
    errors->name = g_strdup (_("The name can be at most 60 characters long"));

  if (is_blank (form->latitude))
    errors->latitude = g_strdup (_("Enter the latitude of the community centre"));
  else if (!linli_parse_degrees (form->latitude, 90, &value))
    errors->latitude = g_strdup (_("A latitude is a number of degrees from −90 to 90, such as 35.4575"));

  if (is_blank (form->longitude))
    errors->longitude = g_strdup (_("Enter the longitude of the community centre"));
  else if (!linli_parse_degrees (form->longitude, 180, &value))
    errors->longitude = g_strdup (_("A longitude is a number of degrees from −180 to 180, such as 116.6035"));

  return errors->name == NULL && errors->latitude == NULL && errors->longitude == NULL;
}

void
linli_community_form_errors_clear (LinliCommunityFormErrors *errors)
{
  g_return_if_fail (errors != NULL);

  g_clear_pointer (&errors->name, g_free);
  g_clear_pointer (&errors->latitude, g_free);
  g_clear_pointer (&errors->longitude, g_free);
}

static char *
trimmed_or_null (const char *text)
{
  return is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

/**
 * linli_community_form_to_record:
 *
 * Returns: (transfer full): the community the form describes; the form must
 *   be valid
 */
LinliCommunity *
linli_community_form_to_record (const LinliCommunityForm *form,
                                GDateTime                *created_at)
{
  LinliRecord *community = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autofree char *name = trimmed_or_null (form->name);
  g_autofree char *subdistrict = trimmed_or_null (form->subdistrict);
  g_autofree char *city = trimmed_or_null (form->city);
  double lat = NAN, lon = NAN;

  g_return_val_if_fail (linli_parse_degrees (form->latitude, 90, &lat), NULL);
  g_return_val_if_fail (linli_parse_degrees (form->longitude, 180, &lon), NULL);

  linli_record_set_text (community, "name", name);
  linli_record_set_text (community, "subdistrict", subdistrict);
  linli_record_set_text (community, "city", city);
  linli_record_set_double (community, "center_lat", lat);
  linli_record_set_double (community, "center_lon", lon);
  linli_record_set_datetime (community, "created_at", created_at);

  return LINLI_COMMUNITY (community);
}
