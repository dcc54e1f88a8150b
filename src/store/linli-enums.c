/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-enums.h"
#include "linli-grid-index.h"

/* The grid index (geo, below the store) takes a LinliGridKind as its own. */
G_STATIC_ASSERT ((int) LINLI_GRID_INDEX_MANAGEMENT == (int) LINLI_GRID_KIND_MANAGEMENT);
G_STATIC_ASSERT ((int) LINLI_GRID_INDEX_SENTIMENT == (int) LINLI_GRID_KIND_SENTIMENT);

/* Labels are what the office calls each value; the database keeps the nick. */

const char *
linli_case_status_label (LinliCaseStatus status)
{
  switch (status)
    {
    case LINLI_CASE_STATUS_REGISTERED:  return C_("case status", "Registered");
    case LINLI_CASE_STATUS_ASSIGNED:    return C_("case status", "Assigned");
    case LINLI_CASE_STATUS_IN_PROGRESS: return C_("case status", "In Progress");
    case LINLI_CASE_STATUS_RESOLVED:    return C_("case status", "Resolved");
    case LINLI_CASE_STATUS_REVISITED:   return C_("case status", "Revisited");
    case LINLI_CASE_STATUS_ESCALATED:   return C_("case status", "Escalated");
    case LINLI_CASE_STATUS_SUSPENDED:   return C_("case status", "Suspended");
    case LINLI_CASE_STATUS_VOID:        return C_("case status", "Void");
    case LINLI_CASE_STATUS_DUPLICATE:   return C_("case status", "Duplicate");
    default: g_return_val_if_reached (NULL);
    }
}

/* Done with for good: visited after it was resolved, void, or a duplicate.
 * Changes to several cases at once leave these alone unless asked. */
gboolean
linli_case_status_is_closed (LinliCaseStatus status)
{
  return status == LINLI_CASE_STATUS_REVISITED || status == LINLI_CASE_STATUS_VOID ||
         status == LINLI_CASE_STATUS_DUPLICATE;
}

gboolean
linli_case_status_is_open (LinliCaseStatus status)
{
  switch (status)
    {
    case LINLI_CASE_STATUS_REGISTERED:
    case LINLI_CASE_STATUS_ASSIGNED:
    case LINLI_CASE_STATUS_IN_PROGRESS:
    case LINLI_CASE_STATUS_ESCALATED:
    case LINLI_CASE_STATUS_SUSPENDED:
      return TRUE;
    case LINLI_CASE_STATUS_RESOLVED:
    case LINLI_CASE_STATUS_REVISITED:
    case LINLI_CASE_STATUS_VOID:
    case LINLI_CASE_STATUS_DUPLICATE:
    default:
      return FALSE;
    }
}

const char *
linli_grid_kind_label (LinliGridKind kind)
{
  switch (kind)
    {
    case LINLI_GRID_KIND_MANAGEMENT: return _("Management grid");
    case LINLI_GRID_KIND_SENTIMENT:  return _("Public sentiment grid");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_worker_role_label (LinliWorkerRole role)
{
  switch (role)
    {
    case LINLI_WORKER_ROLE_GRID_WORKER:         return _("Grid worker");
    case LINLI_WORKER_ROLE_COMMITTEE_MEMBER:    return _("Committee member");
    case LINLI_WORKER_ROLE_SENTIMENT_SECRETARY: return _("Public sentiment secretary");
    case LINLI_WORKER_ROLE_FULL_TIME:           return _("Full-time community worker");
    /* TRANSLATORS: a role the office names itself */
    case LINLI_WORKER_ROLE_OTHER:               return C_("worker role", "Other");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_urgency_label (LinliUrgency urgency)
{
  switch (urgency)
    {
    case LINLI_URGENCY_LOW:    return C_("urgency", "Low");
    case LINLI_URGENCY_NORMAL: return C_("urgency", "Normal");
    case LINLI_URGENCY_HIGH:   return C_("urgency", "High");
    case LINLI_URGENCY_URGENT: return C_("urgency", "Urgent");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_resolution_level_label (LinliResolutionLevel level)
{
  switch (level)
    {
    case LINLI_RESOLUTION_LEVEL_NONE:        return C_("resolution level", "Not resolved");
    case LINLI_RESOLUTION_LEVEL_GRID:        return C_("resolution level", "Within the grid");
    case LINLI_RESOLUTION_LEVEL_COMMUNITY:   return C_("resolution level", "Within the community");
    case LINLI_RESOLUTION_LEVEL_SUBDISTRICT: return C_("resolution level", "By the subdistrict");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_satisfaction_label (LinliSatisfaction satisfaction)
{
  switch (satisfaction)
    {
    case LINLI_SATISFACTION_NONE:                return C_("satisfaction", "Not asked");
    case LINLI_SATISFACTION_SATISFIED:           return C_("satisfaction", "Satisfied");
    case LINLI_SATISFACTION_BASICALLY_SATISFIED: return C_("satisfaction", "Basically satisfied");
    case LINLI_SATISFACTION_DISSATISFIED:        return C_("satisfaction", "Dissatisfied");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_diary_entry_kind_label (LinliDiaryEntryKind kind)
{
  switch (kind)
    {
    case LINLI_DIARY_ENTRY_KIND_NOTE:       return C_("case event", "Note");
    case LINLI_DIARY_ENTRY_KIND_VISIT:      return C_("case event", "Visit");
    case LINLI_DIARY_ENTRY_KIND_STATUS:     return C_("case event", "Status change");
    case LINLI_DIARY_ENTRY_KIND_ASSIGNMENT: return C_("case event", "Assignment");
    case LINLI_DIARY_ENTRY_KIND_ESCALATION: return C_("case event", "Escalation");
    case LINLI_DIARY_ENTRY_KIND_FEEDBACK:   return C_("case event", "Feedback");
    case LINLI_DIARY_ENTRY_KIND_CORRECTION: return C_("case event", "Correction");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_activity_status_label (LinliActivityStatus status)
{
  switch (status)
    {
    case LINLI_ACTIVITY_STATUS_PLANNED:   return C_("activity status", "Planned");
    case LINLI_ACTIVITY_STATUS_DONE:      return C_("activity status", "Done");
    case LINLI_ACTIVITY_STATUS_CANCELLED: return C_("activity status", "Cancelled");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_outreach_format_label (LinliOutreachFormat format)
{
  switch (format)
    {
    case LINLI_OUTREACH_FORMAT_LECTURE:      return C_("outreach format", "Lecture");
    case LINLI_OUTREACH_FORMAT_STALL:        return C_("outreach format", "Street stall");
    case LINLI_OUTREACH_FORMAT_DOOR_TO_DOOR: return C_("outreach format", "Door to door");
    case LINLI_OUTREACH_FORMAT_ONLINE:       return C_("outreach format", "Online");
    case LINLI_OUTREACH_FORMAT_PERFORMANCE:  return C_("outreach format", "Performance");
    case LINLI_OUTREACH_FORMAT_OTHER:        return C_("outreach format", "Other");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
linli_organisation_kind_label (LinliOrganisationKind kind)
{
  switch (kind)
    {
    case LINLI_ORGANISATION_KIND_POLICE:      return C_("organisation kind", "Police");
    case LINLI_ORGANISATION_KIND_SCHOOL:      return C_("organisation kind", "School");
    case LINLI_ORGANISATION_KIND_COMPANY:     return C_("organisation kind", "Company");
    case LINLI_ORGANISATION_KIND_ASSOCIATION: return C_("organisation kind", "Association");
    case LINLI_ORGANISATION_KIND_GOVERNMENT:  return C_("organisation kind", "Government body");
    case LINLI_ORGANISATION_KIND_OTHER:       return C_("organisation kind", "Other");
    default: g_return_val_if_reached (NULL);
    }
}
