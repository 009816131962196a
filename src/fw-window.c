/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-cases-page.h"
#include "fw-idea-editor.h"
#include "fw-learn-page.h"
#include "fw-portfolio-page.h"
#include "fw-presentation.h"
#include "fw-print.h"
#include "fw-report-export.h"
#include "fw-triage-page.h"
#include "fw-quiz-page.h"
#include "fw-window.h"
#include "fw-export.h"
#include "fw-flywheel-view.h"
#include "fw-i18n.h"
#include "fw-worksheet.h"
#include "fw-xlsx.h"

/* Below this content width the diagram moves under the form. */
#define WIDE_LAYOUT_MIN_WIDTH 860

struct _FwWindow
{
  AdwApplicationWindow  parent_instance;

  FwWorkbook           *workbook;
  GFile                *file;
  gboolean              modified;
  GtkSingleSelection   *selection;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  char                 *search_folded;  /* the query, case-folded; NULL: no search */
  FwIdea               *shown_idea;
  gboolean              narrow;
  guint                 layout_idle;
  guint                 initial_idle;
  guint                 recent_idle;
  guint                 warm_idle;
  guint                 warm_position;

  /* Drafts: written shortly after a change, removed on save or discard. */
  char                 *draft_id;
  guint                 draft_timeout;
  gboolean              draft_error_shown;
  gboolean              draft_writing;  /* a write is on the drafts thread */
  gboolean              draft_again;    /* and another was asked for meanwhile */
  gboolean              disposed;

  /* The file on disk as we last read or wrote it. */
  char                 *etag;
  GFileMonitor         *monitor;
  gboolean              read_only;
  gboolean              asking_about_disk;
  /* The etag of a change on disk the user chose to keep their version over:
   * not asked about again, but saving over it still asks (self->etag stays). */
  char                 *kept_over_etag;

  /* A draft recovered while the file is still being read: shown once it is. */
  FwWorkbook           *pending_recovery;
  char                 *pending_draft_id;
  /* The bundled sample, unchanged: a file opened from it takes its place. */
  gboolean              is_sample;

  /* Undo and redo of every edit of an idea. */
  FwHistory            *history;

  /* The last deleted idea, for Undo. */
  FwIdea               *deleted_idea;
  guint                 deleted_position;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkSearchEntry       *search_entry;
  GtkListBox           *section_list;
  GtkListView          *idea_list;
  GtkStack             *content_stack;
  GtkWidget            *content;
  GtkWidget            *idea_scroller;
  GtkPaned             *idea_layout;
  gboolean              larger_diagram;
  GtkScrolledWindow    *editor_scroller;
  GtkScrolledWindow    *side_scroller;
  FwIdeaEditor         *editor;
  FwFlywheelView       *flywheel_view;
  GtkLabel             *verdict_label;
  GtkLabel             *score_label;
  GtkLabel             *reasons_label;
  GtkWidget            *advice_heading;
  GtkLabel             *advice_label;
  GMenu                *recent_submenu;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  GCancellable         *loading;
  GtkWidget            *export_button;
  GtkWidget            *idea_menu_button;
  GtkWidget            *primary_button;
};

G_DEFINE_FINAL_TYPE (FwWindow, fw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_LARGER_DIAGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_as (FwWindow *self, gboolean then_close);
static void update_undo_actions (FwWindow *self);

static const char *
verdict_icon_name (FwVerdict verdict)
{
  static const char *icons[] = {
    "content-loading-symbolic",   /* incomplete */
    "process-stop-symbolic",      /* losing */
    "dialog-warning-symbolic",    /* promising */
    "emblem-ok-symbolic",         /* winning */
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (icons) == FW_N_VERDICTS);
  return icons[verdict];
}

static const char *
verdict_css_class (FwVerdict verdict)
{
  static const char *classes[] = { "dim-label", "error", "accent", "success" };
  G_STATIC_ASSERT (G_N_ELEMENTS (classes) == FW_N_VERDICTS);
  return classes[verdict];
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class)
{
  static const char *all[] = { "dim-label", "error", "warning", "success", "accent" };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (widget, all[i]);
  gtk_widget_add_css_class (widget, css_class);
}

static char *
display_name (FwWindow *self)
{
  const char *title = fw_workbook_get_title (self->workbook);

  if (self->file)
    return g_file_get_basename (self->file);
  if (title && *title)
    return g_strdup (title);
  return g_strdup (_("Unsaved workbook"));
}

/* The idea list. */

static void
update_idea_row (GtkListItem *list_item)
{
  FwIdea *idea = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autoptr(FwAssessment) assessment = NULL;
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;
  FwVerdict verdict;

  if (idea == NULL)
    return;

  assessment = fw_assessment_new (idea);
  verdict = fw_assessment_get_verdict (assessment);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), verdict_icon_name (verdict));
  set_css_class (icon, verdict_css_class (verdict));
  name = fw_idea_dup_display_title (idea);
  gtk_label_set_text (GTK_LABEL (title), name);
  status = fw_format_summary (verdict, fw_assessment_get_score (assessment), -1);
  gtk_label_set_text (GTK_LABEL (subtitle), status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);
}

static void
idea_row_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  /* Keeps the sidebar's natural width modest; long titles ellipsize. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 24);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
idea_row_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  FwIdea *idea = gtk_list_item_get_item (list_item);

  update_idea_row (list_item);
  g_signal_connect_object (idea, "changed", G_CALLBACK (update_idea_row), list_item,
                           G_CONNECT_SWAPPED);
}

static void
idea_row_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  FwIdea *idea = gtk_list_item_get_item (list_item);

  if (idea)
    g_signal_handlers_disconnect_by_func (idea, update_idea_row, list_item);
}

/* Searching 10,000 ideas on every key press: each idea's searchable text is
 * case-folded once and kept with the idea until the idea changes. */
static GQuark
search_text_quark (void)
{
  return g_quark_from_static_string ("fw-search-text");
}

static void
forget_search_text_cb (FwIdea *idea)
{
  g_object_set_qdata (G_OBJECT (idea), search_text_quark (), NULL);
}

static const char *
idea_search_text (FwIdea *idea)
{
  static GQuark watched;
  const char *text = g_object_get_qdata (G_OBJECT (idea), search_text_quark ());
  g_autoptr(GString) all = NULL;

  if (text)
    return text;

  all = g_string_new (fw_idea_get_title (idea));
  for (guint f = FW_IDEA_AS_A; f <= FW_IDEA_OUTPUT_DATA; f++)
    g_string_append_printf (all, "\n%s", fw_idea_get_text (idea, f));
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_string_append_printf (all, "\n%s", fw_idea_get_why (idea, s));

  if (watched == 0)
    watched = g_quark_from_static_string ("fw-search-watched");
  if (g_object_get_qdata (G_OBJECT (idea), watched) == NULL)
    {
      g_signal_connect (idea, "changed", G_CALLBACK (forget_search_text_cb), NULL);
      g_object_set_qdata (G_OBJECT (idea), watched, GINT_TO_POINTER (TRUE));
    }
  g_object_set_qdata_full (G_OBJECT (idea), search_text_quark (),
                           g_utf8_casefold (all->str, all->len), g_free);
  return g_object_get_qdata (G_OBJECT (idea), search_text_quark ());
}

/* Prepares the search texts a few hundred ideas at a time while the window
 * is idle, so the first search in a large workbook does not stall. */
static gboolean
warm_search_idle (gpointer data)
{
  FwWindow *self = data;
  guint n = fw_workbook_get_n_ideas (self->workbook);
  guint end = MIN (n, self->warm_position + 500);

  for (; self->warm_position < end; self->warm_position++)
    idea_search_text (fw_workbook_get_idea (self->workbook, self->warm_position));
  if (self->warm_position < n)
    return G_SOURCE_CONTINUE;
  self->warm_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
warm_search (FwWindow *self)
{
  self->warm_position = 0;
  if (self->warm_idle == 0)
    self->warm_idle = g_idle_add_full (G_PRIORITY_LOW, warm_search_idle, self, NULL);
}

static gboolean
idea_matches (gpointer item,
              gpointer user_data)
{
  FwWindow *self = user_data;

  if (self->search_folded == NULL)
    return TRUE;
  return strstr (idea_search_text (item), self->search_folded) != NULL;
}

static void
search_changed_cb (FwWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_folded, g_free);
  if (query && *query)
    self->search_folded = g_utf8_casefold (query, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The search entry reports changes after a pause; a cleared search must
 * take effect at once, before an idea is selected in the list. */
static void
clear_search (FwWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
}

/* The idea page. */

static void
update_idea_page (FwWindow *self)
{
  FwIdea *idea = self->shown_idea;
  g_autoptr(FwAssessment) assessment = NULL;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GString) advice = g_string_new (NULL);
  g_autofree char *score = NULL;
  g_autofree char *name = NULL;
  g_autofree char *priority = NULL;
  const char * const *tips;
  FwVerdict verdict;

  gtk_widget_set_sensitive (self->export_button, idea != NULL);
  gtk_widget_set_sensitive (self->idea_menu_button, idea != NULL);

  if (self->loading)
    return;
  if (idea == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_window_title_set_title (self->content_title, "");
      return;
    }

  assessment = fw_assessment_new (idea);
  verdict = fw_assessment_get_verdict (assessment);

  gtk_stack_set_visible_child_name (self->content_stack, "idea");
  name = fw_idea_dup_display_title (idea);
  adw_window_title_set_title (self->content_title, name);
  gtk_label_set_text (self->verdict_label, fw_verdict_label (verdict));
  set_css_class (GTK_WIDGET (self->verdict_label), verdict_css_class (verdict));

  priority = fw_format_poc_priority (fw_assessment_get_poc_priority (assessment));
  /* TRANSLATORS: flywheel score 0–100, then PoC priority, e.g. "7 of 9" or "not rated yet" */
  score = g_strdup_printf (_("Flywheel score %d of 100 · PoC priority %s"),
                           fw_assessment_get_score (assessment), priority);
  gtk_label_set_text (self->score_label, score);

  for (guint i = 0; i < fw_assessment_get_n_reasons (assessment); i++)
    g_string_append_printf (reasons, "%s• %s", i ? "\n" : "",
                            fw_assessment_get_reason (assessment, i)->text);
  gtk_label_set_text (self->reasons_label, reasons->str);

  tips = fw_assessment_get_advice (assessment);
  for (guint i = 0; tips && tips[i]; i++)
    g_string_append_printf (advice, "%s• %s", i ? "\n" : "", tips[i]);
  gtk_label_set_text (self->advice_label, advice->str);
  gtk_widget_set_visible (self->advice_heading, advice->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_label), advice->len > 0);
}

static void
show_idea (FwWindow *self,
           FwIdea   *idea)
{
  if (self->shown_idea == idea)
    return;
  if (self->shown_idea)
    g_signal_handlers_disconnect_by_func (self->shown_idea, update_idea_page, self);
  g_set_object (&self->shown_idea, idea);
  if (idea)
    {
      g_signal_connect_object (idea, "changed", G_CALLBACK (update_idea_page), self,
                               G_CONNECT_SWAPPED);
      /* Edits of another idea are another step, and ideas are watched from
       * the moment they are shown (the only place they are edited). */
      fw_history_break (self->history);
      fw_history_watch (self->history, idea);
    }
  fw_idea_editor_set_idea (self->editor, self->workbook, idea);
  fw_flywheel_view_set_idea (self->flywheel_view, idea);
  update_idea_page (self);
}

static void show_idea_page (FwWindow *self);

static void
selection_changed_cb (FwWindow *self)
{
  g_clear_handle_id (&self->initial_idle, g_source_remove);
  show_idea (self, gtk_single_selection_get_selected_item (self->selection));
  show_idea_page (self);
}

static void
idea_activated_cb (FwWindow *self,
                   guint     position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A click on an idea in the folded sidebar shows it; hovering selects nothing. */
static void
idea_list_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       FwWindow        *self)
{
  show_idea_page (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (FwWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Sections beside the ideas. Their pages are built when first shown. */
static const struct
{
  const char *name;
  const char *title;
  const char *icon;
} sections[] = {
  { "learn", N_("Learn"), "accessories-dictionary-symbolic" },
  { "cases", N_("Cases"), "view-list-bullet-symbolic" },
  { "quiz", N_("Knowledge Check"), "help-faq-symbolic" },
  { "triage", N_("Spot Ideas"), "edit-find-symbolic" },
  { "portfolio", N_("Portfolio"), "view-grid-symbolic" },
};

static void show_idea_page (FwWindow *self);
static void select_idea_object (FwWindow *self, FwIdea *idea);

static void
portfolio_idea_activated_cb (FwWindow *self,
                             FwIdea   *idea)
{
  clear_search (self);
  select_idea_object (self, idea);
  show_idea_page (self);
}

/* A story promoted in triage opens at the Flywheel step: its task and hinted
 * conditions are filled in, its whys are next. */
static void
triage_idea_promoted_cb (FwWindow *self,
                         FwIdea   *idea)
{
  portfolio_idea_activated_cb (self, idea);
  fw_idea_editor_set_step (self->editor, FW_STEP_FLYWHEEL);
}

static GtkWidget *
ensure_section_page (FwWindow   *self,
                     const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, name);

  if (page)
    return page;
  if (g_str_equal (name, "learn"))
    page = fw_learn_page_new ();
  else if (g_str_equal (name, "cases"))
    {
      page = fw_cases_page_new ();
      fw_cases_page_set_workbook (FW_CASES_PAGE (page), self->workbook);
    }
  else if (g_str_equal (name, "quiz"))
    page = fw_quiz_page_new ();
  else if (g_str_equal (name, "triage"))
    {
      page = fw_triage_page_new ();
      fw_triage_page_set_workbook (FW_TRIAGE_PAGE (page), self->workbook);
      g_signal_connect_object (page, "idea-promoted", G_CALLBACK (triage_idea_promoted_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "portfolio"))
    {
      page = fw_portfolio_page_new ();
      fw_portfolio_page_set_workbook (FW_PORTFOLIO_PAGE (page), self->workbook);
      g_signal_connect_object (page, "idea-activated", G_CALLBACK (portfolio_idea_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    return NULL;
  gtk_stack_add_named (self->content_stack, page, name);
  return page;
}

static void
show_section (FwWindow   *self,
              const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkListBoxRow *row;

      if (!g_str_equal (sections[i].name, name))
        continue;
      if (ensure_section_page (self, name) == NULL)
        return;
      row = gtk_list_box_get_row_at_index (self->section_list, (int) i);
      if (gtk_list_box_get_selected_row (self->section_list) != row)
        gtk_list_box_select_row (self->section_list, row);
      gtk_stack_set_visible_child_name (self->content_stack, name);
      adw_window_title_set_title (self->content_title, _(sections[i].title));
      gtk_widget_set_visible (self->export_button, FALSE);
      gtk_widget_set_visible (self->idea_menu_button, FALSE);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }
}

static void
section_activated_cb (FwWindow      *self,
                      GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (int) G_N_ELEMENTS (sections))
    show_section (self, sections[index].name);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_section (FW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Back from a section to the selected idea. */
static void
show_idea_page (FwWindow *self)
{
  gtk_list_box_unselect_all (self->section_list);
  gtk_widget_set_visible (self->export_button, TRUE);
  gtk_widget_set_visible (self->idea_menu_button, TRUE);
  update_idea_page (self);
}

/* Layout: side by side when wide, stacked and scrolled as one when narrow. */

static void
apply_layout (FwWindow *self)
{
  GtkPolicyType inner = self->narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->idea_layout),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL);
  /* EXTERNAL: neither side's content may widen the window; when the window is
   * too narrow for both, the next allocation stacks them instead. */
  gtk_scrolled_window_set_policy (self->editor_scroller, GTK_POLICY_EXTERNAL, inner);
  gtk_scrolled_window_set_policy (self->side_scroller, GTK_POLICY_EXTERNAL, inner);
  gtk_scrolled_window_set_propagate_natural_height (self->editor_scroller, self->narrow);
  gtk_scrolled_window_set_propagate_natural_height (self->side_scroller, self->narrow);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->idea_scroller), GTK_POLICY_NEVER,
                                  self->narrow ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
}

static gboolean
apply_layout_idle (gpointer data)
{
  FwWindow *self = data;

  self->layout_idle = 0;
  apply_layout (self);
  return G_SOURCE_REMOVE;
}

static void
fw_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  FwWindow *self = FW_WINDOW (widget);
  gboolean narrow;

  GTK_WIDGET_CLASS (fw_window_parent_class)->size_allocate (widget, width, height, baseline);

  narrow = gtk_widget_get_width (self->content) < WIDE_LAYOUT_MIN_WIDTH;
  /* Changing the layout while allocating would re-enter allocation. */
  if (narrow != self->narrow && self->layout_idle == 0)
    {
      self->narrow = narrow;
      self->layout_idle = g_idle_add (apply_layout_idle, self);
    }
}

/* Titles and the modified state. */

static void
update_titles (FwWindow *self)
{
  g_autofree char *name = display_name (self);
  g_autofree char *title = NULL;
  const char *workbook_title = fw_workbook_get_title (self->workbook);

  title = self->modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  if (self->is_sample)
    {
      /* Said where the PM looks first, so nobody takes it for their own work. */
      adw_window_title_set_title (self->sidebar_title, workbook_title);
      adw_window_title_set_subtitle (self->sidebar_title, _("Sample workbook"));
    }
  else if (workbook_title && *workbook_title)
    {
      adw_window_title_set_title (self->sidebar_title, workbook_title);
      adw_window_title_set_subtitle (self->sidebar_title,
                                     (self->file || self->modified) ? title : "");
    }
  else
    {
      adw_window_title_set_title (self->sidebar_title, title);
      adw_window_title_set_subtitle (self->sidebar_title, "");
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_modified (FwWindow *self,
              gboolean  modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_sample (FwWindow *self,
            gboolean  is_sample)
{
  if (self->is_sample == is_sample)
    return;
  self->is_sample = is_sample;
  update_titles (self);
}

static GSettings *window_settings (FwWindow *self);

static void
show_toast (FwWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void write_draft (FwWindow *self);

static void
draft_written_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_writing = FALSE;
  if (!fw_draft_write_finish (result, &error) && !self->draft_error_shown && !self->disposed)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s says why, e.g. "No space left on device" */
      message = g_strdup_printf (_("Could not keep a draft of your changes: %s"), error->message);
      show_toast (self, message);
      self->draft_error_shown = TRUE;
    }
  if (self->draft_again && !self->disposed)
    write_draft (self);
}

/* The workbook is written out here, the files on the drafts thread: a draft of
 * 10,000 ideas holds the window up for ~55 ms instead of the whole write. One
 * draft at a time; a change while one is written asks for another after it. */
static void
write_draft (FwWindow *self)
{
  self->draft_again = FALSE;
  if (self->draft_writing)
    {
      self->draft_again = TRUE;
      return;
    }
  if (self->draft_id == NULL)
    self->draft_id = g_uuid_string_random ();
  self->draft_writing = TRUE;
  fw_draft_write_async (self->draft_id, self->workbook, self->file, draft_written_cb,
                        g_object_ref (self));
}

static gboolean
draft_timeout_cb (gpointer data)
{
  FwWindow *self = data;

  self->draft_timeout = 0;
  if (self->modified)
    write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
discard_draft (FwWindow *self)
{
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  self->draft_again = FALSE;
  /* Queued after any write still under way, so it cannot come back. */
  if (self->draft_id)
    fw_draft_discard_later (self->draft_id);
}

static gboolean
autosave_enabled (FwWindow *self)
{
  GSettings *settings = window_settings (self);

  return settings == NULL || g_settings_get_boolean (settings, "autosave");
}

static void
workbook_changed_cb (FwWindow *self)
{
  set_modified (self, TRUE);

  /* Not pushed back by further edits, so steady typing still gets a draft
   * within a second or two. */
  if (self->draft_timeout == 0 && autosave_enabled (self))
    self->draft_timeout = g_timeout_add (1000, draft_timeout_cb, self);
}

/* Ideas: new, duplicate, delete with undo. */

static void
select_idea_object (FwWindow *self,
                    FwIdea   *idea)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FwIdea) item = g_list_model_get_item (model, i);

      if (item == idea)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
new_idea_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(FwIdea) idea = fw_idea_new ();

  fw_idea_set_title (idea, _("New idea"));
  clear_search (self);
  fw_workbook_append_idea (self->workbook, idea);
  select_idea_object (self, idea);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  fw_window_set_larger_diagram (self, FALSE);
  /* Straight to typing its title. */
  fw_idea_editor_open_step (self->editor, FW_STEP_STORY);
}

static void
duplicate_idea_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(FwIdea) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  guint position;

  if (self->shown_idea == NULL ||
      !fw_workbook_find_idea (self->workbook, fw_idea_get_id (self->shown_idea), &position))
    return;

  copy = fw_idea_copy (self->shown_idea);
  id = g_uuid_string_random ();
  fw_idea_set_text (copy, FW_IDEA_ID, id);
  /* TRANSLATORS: the title of a duplicated idea */
  name = fw_idea_dup_display_title (self->shown_idea);
  title = g_strdup_printf (_("%s (copy)"), name);
  fw_idea_set_title (copy, title);
  fw_workbook_insert_idea (self->workbook, position + 1, copy);
  select_idea_object (self, copy);
}

static void
undo_delete_cb (FwWindow *self)
{
  if (self->deleted_idea == NULL)
    return;
  fw_workbook_insert_idea (self->workbook, self->deleted_position, self->deleted_idea);
  select_idea_object (self, self->deleted_idea);
  g_clear_object (&self->deleted_idea);
}

static void
delete_idea_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;

  if (self->shown_idea == NULL ||
      !fw_workbook_find_idea (self->workbook, fw_idea_get_id (self->shown_idea), &position))
    return;

  g_set_object (&self->deleted_idea, self->shown_idea);
  self->deleted_position = position;
  fw_workbook_remove_idea (self->workbook, position);

  /* TRANSLATORS: a toast after deleting an idea; %s is its title */
  title = fw_idea_dup_display_title (self->deleted_idea);
  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Saving. */

static void watch_file (FwWindow *self);

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FwWindow         *self)
{
  if (g_str_equal (response, "overwrite"))
    {
      /* The user saw the warning: save over whatever is there now. */
      g_clear_pointer (&self->etag, g_free);
      fw_window_save_to (self, self->file);
    }
}

static void
ask_overwrite (FwWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is a file name */
  heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Another program changed the file since you opened it. "
                                     "Saving replaces its changes with yours."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_to (FwWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *etag = NULL;
  gboolean same_file = self->file && g_file_equal (self->file, file);

  fw_workbook_touch (self->workbook);
  if (!fw_workbook_save_full (self->workbook, file, same_file ? self->etag : NULL, &etag,
                              NULL, &error))
    {
      if (same_file && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          ask_overwrite (self);
          return FALSE;
        }
      /* TRANSLATORS: %s is a file name */
      heading = g_strdup_printf (_("Could not save “%s”"), name);
      fw_window_show_error (self, heading, error->message);
      /* The edits stay in the window, and in the draft. */
      write_draft (self);
      return FALSE;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  g_clear_pointer (&self->kept_over_etag, g_free);
  self->read_only = FALSE;
  discard_draft (self);
  set_sample (self, FALSE);

  if (self->file != file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      watch_file (self);
    }
  set_modified (self, FALSE);
  update_titles (self);

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return TRUE;
}

/* One file, one window: another window of ours that shows @file. */
static gboolean
file_open_elsewhere (FwWindow *self,
                     GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return FALSE;
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (l->data != (gpointer) self && FW_IS_WINDOW (l->data) &&
        fw_window_get_file (l->data) && g_file_equal (fw_window_get_file (l->data), file))
      return TRUE;
  return FALSE;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     FwWindow        *self)
{
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fw-then-close"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* Workbooks carry their extension so the file manager knows them. */
      if (path && !g_str_has_suffix (path, ".flywheel"))
        {
          g_autofree char *with = g_strconcat (path, ".flywheel", NULL);
          g_set_object (&file, g_file_new_for_path (with));
        }
      if (file_open_elsewhere (self, file))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *heading = NULL;

          /* TRANSLATORS: %s is a file name */
          heading = g_strdup_printf (_("Could not save “%s”"), name);
          fw_window_show_error (self, heading,
                                _("That workbook is open in another window. Save there, or "
                                  "close it first: two windows on one file would overwrite "
                                  "each other’s changes."));
        }
      else if (save_to (self, file) && then_close)
        gtk_window_destroy (GTK_WINDOW (self));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
workbook_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Flywheel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.flywheel");
  gtk_file_filter_add_mime_type (filter, "application/x-flywheel-workbook");
  return filter;
}

static void
save_as (FwWindow *self,
         gboolean  then_close)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = workbook_filter ();
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save Workbook"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (self->file)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else
    {
      const char *title = fw_workbook_get_title (self->workbook);

      name = g_strdup_printf ("%s.flywheel", (title && *title) ? title : _("Workbook"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_object_set_data (G_OBJECT (dialog), "fw-then-close", GINT_TO_POINTER (then_close));
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->file && !self->read_only)
    save_to (self, self->file);
  else
    save_as (self, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (FW_WINDOW (widget), FALSE);
}

/* Exporting the shown idea's diagram: PNG, PDF, SVG, or the clipboard. The size,
 * theme and language come from Preferences; the folder is remembered. */

static void
export_options_from_settings (FwWindow        *self,
                              FwExportFormat   format,
                              FwExportOptions *options,
                              char           **language)
{
  GSettings *settings = window_settings (self);

  fw_export_options_init (options, format);
  options->width = 1600;
  options->height = 1200;
  options->author = fw_workbook_get_text (self->workbook, FW_WORKBOOK_AUTHOR);
  *language = NULL;
  if (settings)
    {
      g_autofree char *theme = g_settings_get_string (settings, "export-theme");

      options->width = g_settings_get_int (settings, "export-width");
      options->height = g_settings_get_int (settings, "export-height");
      if (g_str_equal (theme, "dark"))
        fw_diagram_style_init (&options->style, FW_DIAGRAM_THEME_DARK);
      *language = g_settings_get_string (settings, "export-language");
    }
}

/* The diagram's texts in @language ("" or NULL: the interface's). */
static FwFlywheelInput *
input_in_language (FwIdea     *idea,
                   const char *language)
{
  FwFlywheelInput *input;

  fw_i18n_push_language (language);
  input = fw_flywheel_input_new_for_idea (idea);
  fw_i18n_pop_language ();
  return input;
}

static void
restore_language (const char *language)
{
  (void) language;  /* fw_i18n_pop_language() in input_in_language() */
}

static gboolean
export_to_file (FwWindow       *self,
                FwExportFormat  format,
                GFile          *file,
                GError        **error)
{
  g_autoptr(FwFlywheelInput) input = NULL;
  g_autofree char *language = NULL;
  g_autofree char *path = g_file_get_path (file);
  FwExportOptions options;
  gboolean ok;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local folders can be exported to"));
      return FALSE;
    }
  export_options_from_settings (self, format, &options, &language);
  input = input_in_language (self->shown_idea, language);
  ok = fw_export_to_file (input, &options, path, error);
  restore_language (language);
  return ok;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    FwWindow        *self)
{
  FwExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fw-format"));

  if (response == GTK_RESPONSE_ACCEPT && self->shown_idea)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autoptr(GError) error = NULL;
      GSettings *settings = window_settings (self);

      if (export_to_file (self, format, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* TRANSLATORS: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

          show_toast (self, message);
          if (settings && folder)
            {
              g_autofree char *uri = g_file_get_uri (folder);

              g_settings_set_string (settings, "export-folder", uri);
              g_settings_set_string (settings, "export-format", fw_export_format_to_id (format));
            }
        }
      else
        fw_window_show_error (self, _("Could not export the diagram"), error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GSettings *settings = window_settings (self);
  FwExportFormat format;

  if (self->shown_idea == NULL ||
      !fw_export_format_from_id (g_variant_get_string (parameter, NULL), &format))
    return;

  dialog = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, fw_export_format_to_id (format));
  gtk_file_filter_add_mime_type (filter, fw_export_format_mime_type (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  title = fw_idea_dup_display_title (self->shown_idea);
  name = g_strdup_printf ("%s.%s", title, fw_export_format_to_id (format));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (settings)
    {
      g_autofree char *uri = g_settings_get_string (settings, "export-folder");

      if (*uri)
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
        }
    }
  g_object_set_data (G_OBJECT (dialog), "fw-format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(FwFlywheelInput) input = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  FwExportOptions options;

  if (self->shown_idea == NULL)
    return;
  export_options_from_settings (self, FW_EXPORT_PNG, &options, &language);
  input = input_in_language (self->shown_idea, language);
  bytes = fw_export_to_bytes (input, &options, &error);
  restore_language (language);
  if (bytes)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      fw_window_show_error (self, _("Could not copy the diagram"), error->message);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  show_toast (self, _("Diagram copied"));
}

/* Open Recent: the newest workbooks the recent-files list knows. */
static void
update_recent_menu (FwWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".flywheel") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-uri", "s", uri);
      g_menu_append_item (self->recent_submenu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The workbook in the workshop's worksheet layout, for Excel or Sheets. */
static void
export_worksheet_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              FwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *typed = g_file_get_path (file);
      GtkFileFilter *chosen = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *csv_filter = g_object_get_data (G_OBJECT (dialog), "fw-csv-filter");
      GtkFileFilter *xlsx_filter = g_object_get_data (G_OBJECT (dialog), "fw-xlsx-filter");
      const char *columns = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog),
                                                         "flywheel-columns");
      FwWorksheetExportFlags flags = g_strcmp0 (columns, "false") == 0
                                     ? FW_WORKSHEET_EXPORT_SHEET_ONLY
                                     : FW_WORKSHEET_EXPORT_DEFAULT;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      gboolean csv;
      gboolean ok;

      /* The file type chosen wins over the name typed (“x.xlsx” with CSV
       * chosen writes x.csv); with no type chosen, the name decides. */
      if (chosen != NULL && chosen == csv_filter)
        csv = TRUE;
      else if (chosen != NULL && chosen == xlsx_filter)
        csv = FALSE;
      else
        csv = typed && g_str_has_suffix (typed, ".csv");

      if (typed == NULL)
        {
          ok = FALSE;
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only local folders can be exported to"));
        }
      else if (csv)
        {
          g_autoptr(GBytes) bytes = fw_worksheet_export_csv (self->workbook, flags);
          g_autoptr(GFile) target = NULL;

          path = fw_worksheet_file_path (typed, TRUE);
          target = g_file_new_for_path (path);
          ok = g_file_replace_contents (target, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL, FALSE,
                                        G_FILE_CREATE_NONE, NULL, NULL, &error);
        }
      else
        {
          path = fw_worksheet_file_path (typed, FALSE);
          ok = fw_worksheet_export_xlsx (self->workbook, path, flags, &error);
        }

      if (ok)
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *message = NULL;

          /* TRANSLATORS: %s is a file name */
          message = g_strdup_printf (_("Worksheet exported as “%s”"), name);
          show_toast (self, message);
        }
      else
        fw_window_show_error (self, _("Could not export the worksheet"), error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_worksheet_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title = fw_workbook_get_title (self->workbook);

  dialog = gtk_file_chooser_native_new (_("Export Worksheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_set_name (csv, _("CSV, UTF-8 (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), xlsx);
  g_object_set_data_full (G_OBJECT (dialog), "fw-xlsx-filter", g_object_ref (xlsx),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fw-csv-filter", g_object_ref (csv),
                          g_object_unref);
  /* Said before anything is written: the workshop's sheet has no room for
   * most of an idea, so Flywheel adds columns of its own, which it reads back. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "flywheel-columns",
                               _("Add columns for what the sheet has no room for (story, "
                                 "whys, evidence), so importing it brings every idea back"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "flywheel-columns", "true");
  name = g_strdup_printf ("%s.xlsx", (title && *title) ? title : _("Worksheet"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_worksheet_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The workbook's own details: its title, the product it is for and who wrote
 * it, which the report's cover and the worksheet carry. */
static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  static const struct { FwWorkbookText field; const char *title; } fields[] = {
    { FW_WORKBOOK_TITLE, N_("Title") },
    { FW_WORKBOOK_PRODUCT, N_("Target product") },
    { FW_WORKBOOK_AUTHOR, N_("Author") },
  };
  FwWindow *self = FW_WINDOW (widget);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Workbook Details"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 360);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Shown on the report’s cover and in the worksheet."));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      g_object_bind_property (self->workbook, fw_workbook_text_property_name (fields[i].field),
                              row, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  /* Escape closes it, as every dialog of the app (the edits are already in). */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
}

/* Printing, the PDF report and presenting. */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->shown_idea)
    fw_print_diagram (GTK_WINDOW (self), self->shown_idea);
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_print_report (GTK_WINDOW (self), self->workbook);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_report_export_run (GTK_WINDOW (self), self->workbook);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (fw_workbook_get_n_ideas (self->workbook) == 0)
    {
      show_toast (self, _("Add an idea first: each idea becomes a slide"));
      return;
    }
  fw_presentation_present (GTK_WINDOW (self), self->workbook,
                           adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* Importing the workshop's worksheet (CSV) into this or a new workbook. */

static void
show_import_summary (FwWindow             *self,
                     const FwImportReport *report)
{
  g_autofree char *summary = fw_import_report_summary (report);

  if (report->n_skipped == 0 && report->notes->len == 0)
    {
      show_toast (self, summary);
      return;
    }
  else
    {
      g_autoptr(GString) body = g_string_new (summary);

      for (guint i = 0; i < report->skipped->len; i++)
        g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (report->skipped, i));
      for (guint i = 0; i < report->notes->len; i++)
        g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (report->notes, i));
      fw_window_show_error (self, _("Worksheet Imported"), body->str);
    }
}

static void
import_into (FwWindow   *self,
             FwWorkbook *imported,
             gboolean    new_window)
{
  if (new_window)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      FwWindow *window = fw_window_new (FW_IS_APPLICATION (app) ? FW_APPLICATION (app) : NULL,
                                        imported, NULL);

      fw_window_adopt_draft (window, NULL);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  for (guint i = 0; i < fw_workbook_get_n_cases (imported); i++)
    {
      FwCase *item = fw_workbook_get_case (imported, i);

      if (fw_workbook_find_case (self->workbook, fw_case_get_id (item), NULL) == NULL)
        fw_workbook_append_case (self->workbook, item);
    }
  for (guint i = 0; i < fw_workbook_get_n_ideas (imported); i++)
    {
      FwIdea *item = fw_workbook_get_idea (imported, i);

      if (fw_workbook_find_idea (self->workbook, fw_idea_get_id (item), NULL) == NULL)
        fw_workbook_append_idea (self->workbook, item);
    }
  if (*fw_workbook_get_text (self->workbook, FW_WORKBOOK_PRODUCT) == '\0')
    fw_workbook_set_text (self->workbook, FW_WORKBOOK_PRODUCT,
                          fw_workbook_get_text (imported, FW_WORKBOOK_PRODUCT));
}

static void
import_where_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          FwWindow         *self)
{
  FwWorkbook *imported = g_object_get_data (G_OBJECT (dialog), "fw-workbook");
  const FwImportReport *report = g_object_get_data (G_OBJECT (dialog), "fw-report");

  if (g_str_equal (response, "cancel"))
    return;
  import_into (self, imported, g_str_equal (response, "new"));
  show_import_summary (self, report);
}

/* Reading and parsing the sheet: no UI, so it can run on a worker thread; a
 * file over the size limit is refused before it is read. */
static FwWorkbook *
import_parse (GFile           *file,
              FwImportReport **report,
              GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > FW_WORKSHEET_MAX_SIZE)
    {
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, too large for a worksheet."),
                   FW_WORKSHEET_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return fw_worksheet_import (bytes, name, report, error);
}

/* Back on the main thread: into this workbook, a new one, or ask. */
static void
import_finish (FwWindow       *self,
               FwWorkbook     *imported,
               FwImportReport *report,
               gboolean        into_new_window)
{
  if (into_new_window || fw_workbook_get_n_ideas (self->workbook) +
                         fw_workbook_get_n_cases (self->workbook) == 0)
    {
      /* An empty workbook simply takes the sheet. */
      import_into (self, imported, into_new_window);
      show_import_summary (self, report);
      fw_import_report_free (report);
      g_object_unref (imported);
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Into…"),
                                                  _("Add the worksheet’s cases and ideas to "
                                                    "this workbook, or open them as a new "
                                                    "workbook?"));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "new", _("_New Workbook"),
                                        "current", _("_This Workbook"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "current",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "fw-workbook", imported, g_object_unref);
      g_object_set_data_full (G_OBJECT (dialog), "fw-report", report,
                              (GDestroyNotify) fw_import_report_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (import_where_response_cb),
                               self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
show_import_error (FwWindow   *self,
                   GFile      *file,
                   const char *message)
{
  g_autofree char *name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), name);

  fw_window_show_error (self, heading, message);
}

gboolean
fw_window_import_file (FwWindow  *self,
                       GFile     *file,
                       gboolean   into_new_window)
{
  g_autoptr(GError) error = NULL;
  FwImportReport *report = NULL;
  FwWorkbook *imported = import_parse (file, &report, &error);

  if (imported == NULL)
    {
      show_import_error (self, file, error->message);
      return FALSE;
    }
  import_finish (self, imported, report, into_new_window);
  return TRUE;
}

typedef struct
{
  FwWorkbook     *workbook;
  FwImportReport *report;
} Imported;

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  Imported *result = g_new0 (Imported, 1);

  result->workbook = import_parse (task_data, &result->report, &error);
  if (result->workbook == NULL)
    {
      g_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, NULL);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Imported *imported = g_task_propagate_pointer (G_TASK (result), &error);

  if (imported == NULL)
    {
      show_import_error (self, file, error->message);
      return;
    }
  import_finish (self, imported->workbook, imported->report, FALSE);
  g_free (imported);
}

/* A sheet of tens of megabytes is read on a worker thread; the window stays
 * responsive meanwhile. */
static void
import_file_async (FwWindow *self,
                   GFile    *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, import_done_cb, NULL);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    FwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      import_file_async (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Worksheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Worksheets saved as CSV or tab-separated text"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Closing with unsaved changes. */

/* The dialog finishes its own response handling after this returns, so the
 * window (its parent) is destroyed from an idle instead. */
static gboolean
destroy_window_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   FwWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      discard_draft (self);
      set_modified (self, FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window_idle, g_object_ref (self),
                       g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      if (self->file == NULL)
        save_as (self, TRUE);
      else if (save_to (self, self->file))
        g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window_idle, g_object_ref (self),
                         g_object_unref);
    }
}

static GSettings *
window_settings (FwWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return FW_IS_APPLICATION (app) ? fw_application_get_settings (FW_APPLICATION (app)) : NULL;
}

static void
save_window_state (FwWindow *self)
{
  GSettings *settings = window_settings (self);
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
fw_window_close_request (GtkWindow *window)
{
  FwWindow *self = FW_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  save_window_state (self);

  if (!self->modified)
    {
      discard_draft (self);
      return GTK_WINDOW_CLASS (fw_window_parent_class)->close_request (window);
    }

  name = display_name (self);
  /* TRANSLATORS: %s is the workbook's name */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (window, heading,
                                   _("If you don’t save, your changes will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Dropped files open like files given on the command line. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FwWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (app == NULL)
    return FALSE;
  for (GSList *l = files; l; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len == 0)
    return FALSE;
  g_application_open (app, (GFile **) array->pdata, array->len, "");
  return TRUE;
}

/* Another program changed the file: reload it, or keep the window's version. */

static void
reload (FwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) loaded = NULL;
  g_autofree char *etag = NULL;
  gboolean writable = TRUE;

  loaded = fw_workbook_load_full (self->file, &etag, &writable, NULL, &error);
  if (loaded == NULL)
    {
      fw_window_show_error (self, _("Could not reload the workbook"), error->message);
      return;
    }
  fw_history_clear (self->history);
  g_signal_handlers_block_by_func (self->workbook, workbook_changed_cb, self);
  fw_workbook_take_contents (self->workbook, loaded);
  g_signal_handlers_unblock_by_func (self->workbook, workbook_changed_cb, self);
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  g_clear_pointer (&self->kept_over_etag, g_free);
  self->read_only = !writable;
  discard_draft (self);
  set_modified (self, FALSE);
  update_titles (self);
}

static void
disk_change_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         FwWindow         *self)
{
  self->asking_about_disk = FALSE;
  if (g_str_equal (response, "reload"))
    reload (self);
  else
    {
      g_autoptr(GFileInfo) info = NULL;

      /* Keep mine: the window's version stays, but the etag of what we read
       * stays too, so saving over the other program's change still asks
       * (“Save Anyway”) rather than replacing it silently. */
      info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                NULL, NULL);
      g_free (self->kept_over_etag);
      self->kept_over_etag = info ? g_strdup (g_file_info_get_etag (info)) : NULL;
      set_modified (self, TRUE);
    }
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 FwWindow          *self)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  const char *etag;
  GtkWidget *dialog;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  if (self->asking_about_disk || self->file == NULL)
    return;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  etag = info ? g_file_info_get_etag (info) : NULL;
  /* Our own save, nothing that changes the contents, or a change the user
   * already chose to keep their version over. */
  if (etag == NULL || g_strcmp0 (etag, self->etag) == 0 ||
      g_strcmp0 (etag, self->kept_over_etag) == 0)
    return;

  self->asking_about_disk = TRUE;
  name = g_file_get_basename (self->file);
  /* TRANSLATORS: %s is a file name */
  heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   self->modified
                                   ? _("Another program changed the file. Reload it and lose "
                                       "your unsaved changes, or keep your version?")
                                   : _("Another program changed the file. Reload it, or keep "
                                       "your version?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              self->modified ? ADW_RESPONSE_DESTRUCTIVE
                                                             : ADW_RESPONSE_SUGGESTED);
  /* Enter and Escape never throw unsaved work away. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           self->modified ? "keep" : "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disk_change_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
watch_file (FwWindow *self)
{
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
}

/* The first idea is laid out right after the window maps, still before its
 * first frame is drawn (redraws run at a lower priority), so the window
 * appears sooner and its first frame already shows the idea. */
static gboolean
show_initial_idea_idle (gpointer data)
{
  FwWindow *self = data;

  self->initial_idle = 0;
  selection_changed_cb (self);
  return G_SOURCE_REMOVE;
}

/* Reading the recent-files list can wait until the window is up. */
static gboolean
recent_idle (gpointer data)
{
  FwWindow *self = data;

  self->recent_idle = 0;
  update_recent_menu (self);
  warm_search (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  return G_SOURCE_REMOVE;
}

static void
fw_window_constructed (GObject *object)
{
  FwWindow *self = FW_WINDOW (object);

  G_OBJECT_CLASS (fw_window_parent_class)->constructed (object);

  if (self->workbook == NULL)
    self->workbook = fw_workbook_new ();

  self->filter = gtk_custom_filter_new (idea_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (fw_workbook_get_ideas (self->workbook)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->idea_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->workbook, "changed", G_CALLBACK (workbook_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workbook, "notify::title", G_CALLBACK (update_titles), self,
                           G_CONNECT_SWAPPED);

  update_titles (self);
  watch_file (self);
  self->initial_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_initial_idea_idle, self, NULL);
  self->recent_idle = g_idle_add_full (G_PRIORITY_LOW, recent_idle, self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
fw_window_dispose (GObject *object)
{
  FwWindow *self = (FwWindow *)object;

  self->disposed = TRUE;
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_handle_id (&self->initial_idle, g_source_remove);
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  g_clear_handle_id (&self->recent_idle, g_source_remove);
  g_clear_handle_id (&self->warm_idle, g_source_remove);
  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->workbook)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  if (self->editor)
    show_idea (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->deleted_idea);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_WINDOW);

  G_OBJECT_CLASS (fw_window_parent_class)->dispose (object);
}

static void
fw_window_finalize (GObject *object)
{
  FwWindow *self = (FwWindow *)object;

  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->search_folded, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->kept_over_etag, g_free);
  g_clear_object (&self->pending_recovery);
  g_clear_pointer (&self->pending_draft_id, g_free);

  G_OBJECT_CLASS (fw_window_parent_class)->finalize (object);
}

static void
fw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FwWindow *self = FW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_LARGER_DIAGRAM:
      g_value_set_boolean (value, self->larger_diagram);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FwWindow *self = FW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      self->workbook = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_LARGER_DIAGRAM:
      fw_window_set_larger_diagram (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A menu button's tooltip would stay over the menu it opened. */
static void
menu_shown_cb (GtkWidget *popover,
               GParamSpec *pspec,
               GtkWidget *button)
{
  gtk_widget_set_has_tooltip (button, !gtk_widget_get_visible (popover));
}

static void
update_undo_actions (FwWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 fw_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 fw_history_can_redo (self->history));
}

/* Spot Ideas keeps its own steps (promote, maybe, set aside): Ctrl+Z there
 * takes those back, wherever the focus is. */
static gboolean
triage_shown (FwWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  return page != NULL && FW_IS_TRIAGE_PAGE (page);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (triage_shown (self))
    {
      gtk_widget_activate_action (gtk_stack_get_visible_child (self->content_stack),
                                  undo ? "triage.undo" : "triage.redo", NULL);
      return;
    }
  while (undo ? fw_history_can_undo (self->history) : fw_history_can_redo (self->history))
    {
      FwIdea *idea = undo ? fw_history_undo (self->history) : fw_history_redo (self->history);

      /* A step of an idea deleted since: it has nothing to show, try the next. */
      if (idea && fw_workbook_find_idea (self->workbook, fw_idea_get_id (idea), NULL) == idea)
        {
          if (idea != self->shown_idea)
            {
              clear_search (self);
              select_idea_object (self, idea);
            }
          return;
        }
      if (idea)
        fw_history_forget (self->history, idea);
    }
}

/* Step navigation from the keyboard: Ctrl+Page Down / Up, Alt+1 … Alt+5. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  int step = fw_idea_editor_get_step (self->editor);

  /* Only on the idea page: elsewhere these keys belong to the page shown. */
  if (self->shown_idea == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "idea") != 0)
    return;
  if (g_str_equal (action_name, "win.next-step"))
    step++;
  else if (g_str_equal (action_name, "win.previous-step"))
    step--;
  else
    step = (int) g_variant_get_uint32 (parameter) - 1;
  if (step < 0 || step >= FW_N_STEPS)
    return;
  fw_window_set_larger_diagram (self, FALSE);
  fw_idea_editor_open_step (self->editor, step);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stage_activated_cb (FwWindow *self,
                    int       stage)
{
  fw_idea_editor_focus_stage (self->editor, stage);
}

static void
fw_window_class_init (FwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fw_window_constructed;
  object_class->dispose = fw_window_dispose;
  object_class->finalize = fw_window_finalize;
  object_class->get_property = fw_window_get_property;
  object_class->set_property = fw_window_set_property;
  widget_class->size_allocate = fw_window_size_allocate;
  window_class->close_request = fw_window_close_request;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, FW_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The diagram and the verdict take the whole page; the form steps aside. */
  properties[PROP_LARGER_DIAGRAM] =
    g_param_spec_boolean ("larger-diagram", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "win.larger-diagram", "larger-diagram");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.larger-diagram", NULL);

  g_type_ensure (FW_TYPE_IDEA_EDITOR);
  g_type_ensure (FW_TYPE_FLYWHEEL_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/fw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, idea_list);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, idea_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, idea_layout);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, side_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, flywheel_view);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, score_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, reasons_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, advice_heading);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, advice_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, idea_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-idea", NULL, new_idea_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-idea", NULL,
                                   duplicate_idea_action);
  gtk_widget_class_install_action (widget_class, "win.delete-idea", NULL, delete_idea_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.next-step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.step", "u", step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-step", NULL);
  for (guint i = 1; i <= FW_N_STEPS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK, "win.step",
                                         "u", i);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  /* Bubbling from the focused widget: the editor's fields leave Ctrl+Z to
   * the window (their own undo is off), so one history serves them all. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "win.export-worksheet", NULL,
                                   export_worksheet_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);

}

static void
fw_window_init (FwWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkWidget *buttons[] = { self->primary_button, self->idea_menu_button, self->export_button };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      g_signal_connect_object (gtk_menu_button_get_popover (GTK_MENU_BUTTON (buttons[i])),
                               "notify::visible", G_CALLBACK (menu_shown_cb), buttons[i], 0);
  }

  self->history = fw_history_new ();
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);

  g_signal_connect (factory, "setup", G_CALLBACK (idea_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (idea_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (idea_row_unbind_cb), self);
  gtk_list_view_set_factory (self->idea_list, factory);
  g_signal_connect_object (self->idea_list, "activate", G_CALLBACK (idea_activated_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(sections[i].title));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (sections[i].icon));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_append (self->section_list, box);
    }

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect (click, "released", G_CALLBACK (idea_list_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->idea_list), GTK_EVENT_CONTROLLER (click));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_object_bind_property (adw_style_manager_get_default (), "dark",
                          self->flywheel_view, "dark", G_BINDING_SYNC_CREATE);
  apply_layout (self);
}

FwWindow *
fw_window_new (FwApplication *app,
               FwWorkbook    *workbook,
               GFile         *file)
{
  FwWindow *self = g_object_new (FW_TYPE_WINDOW,
                                 "application", app,
                                 "workbook", workbook,
                                 "file", file,
                                 NULL);
  GSettings *settings = window_settings (self);

  if (settings)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  return self;
}

FwWorkbook *
fw_window_get_workbook (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->workbook;
}

GFile *
fw_window_get_file (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
fw_window_get_modified (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return self->modified;
}

/* Opening a file: the window appears at once and the workbook, which can be
 * tens of megabytes, is read on a worker thread. */

static void apply_recovery (FwWindow *self);

typedef struct
{
  FwWorkbook *workbook;
  char       *etag;
  gboolean    writable;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->workbook);
  g_free (loaded->etag);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->writable = TRUE;
  loaded->workbook = fw_workbook_load_full (file, &loaded->etag, &loaded->writable,
                                            cancellable, &error);
  if (loaded->workbook == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, loaded, loaded_free);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (source);
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->loading_spinner);

  if (loaded == NULL)
    {
      /* The window stays, empty and with no file, so nothing can overwrite
       * the file that could not be read. */
      g_clear_object (&self->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      watch_file (self);
      /* A recovered draft of it still comes in, as unsaved work. */
      if (self->pending_recovery)
        apply_recovery (self);
      update_titles (self);
      update_idea_page (self);
      fw_window_show_error (self, _("Could not open the workbook"), error->message);
      return;
    }

  fw_history_clear (self->history);
  g_signal_handlers_block_by_func (self->workbook, workbook_changed_cb, self);
  fw_workbook_take_contents (self->workbook, loaded->workbook);
  g_signal_handlers_unblock_by_func (self->workbook, workbook_changed_cb, self);
  set_modified (self, FALSE);
  update_titles (self);
  fw_window_set_file_state (self, loaded->etag, loaded->writable);
  /* The draft's version replaces what was read; the etag stays the file's,
   * so saving over a change made since still asks. */
  if (self->pending_recovery)
    apply_recovery (self);
  if (self->shown_idea == NULL)
    selection_changed_cb (self);
  else
    update_idea_page (self);
  loaded_free (loaded);
  warm_search (self);

  {
    g_autofree char *uri = g_file_get_uri (self->file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }
}

static void
apply_recovery (FwWindow *self)
{
  g_autoptr(FwWorkbook) recovered = g_steal_pointer (&self->pending_recovery);
  g_autofree char *draft_id = g_steal_pointer (&self->pending_draft_id);
  g_autofree char *name = display_name (self);
  g_autofree char *message = NULL;

  fw_history_clear (self->history);
  g_signal_handlers_block_by_func (self->workbook, workbook_changed_cb, self);
  fw_workbook_take_contents (self->workbook, recovered);
  g_signal_handlers_unblock_by_func (self->workbook, workbook_changed_cb, self);
  set_sample (self, FALSE);
  fw_window_adopt_draft (self, draft_id);
  if (self->shown_idea == NULL)
    selection_changed_cb (self);
  else
    update_idea_page (self);
  /* TRANSLATORS: %s is a file name */
  message = g_strdup_printf (_("Recovered the unsaved changes to “%s”"), name);
  show_toast (self, message);
}

void
fw_window_recover (FwWindow   *self,
                   FwWorkbook *recovered,
                   const char *draft_id)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (FW_IS_WORKBOOK (recovered));

  g_set_object (&self->pending_recovery, recovered);
  g_free (self->pending_draft_id);
  self->pending_draft_id = g_strdup (draft_id);
  /* While the file is read, the draft waits for it: otherwise what is read
   * would land over the recovered work. */
  if (self->loading == NULL)
    apply_recovery (self);
}

gboolean
fw_window_get_loading (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

gboolean
fw_window_get_is_sample (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return self->is_sample && !self->modified;
}

void
fw_window_set_is_sample (FwWindow *self,
                         gboolean  is_sample)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  set_sample (self, is_sample);
}

void
fw_window_load (FwWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (self->file != NULL);

  name = g_file_get_basename (self->file);
  /* TRANSLATORS: %s is a file name */
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, load_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

void
fw_window_set_file_state (FwWindow   *self,
                          const char *etag,
                          gboolean    writable)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  g_free (self->etag);
  self->etag = g_strdup (etag);
  self->read_only = !writable;
  if (self->read_only && self->file)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is a file name */
      message = g_strdup_printf (_("“%s” is read-only: use Save As to keep your changes"), name);
      show_toast (self, message);
    }
}

void
fw_window_set_larger_diagram (FwWindow *self,
                              gboolean  larger)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  larger = !!larger;
  if (self->larger_diagram == larger)
    return;
  self->larger_diagram = larger;
  gtk_widget_set_visible (GTK_WIDGET (self->editor_scroller), !larger);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGER_DIAGRAM]);
}

gboolean
fw_window_get_read_only (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return self->read_only;
}

void
fw_window_adopt_draft (FwWindow   *self,
                       const char *draft_id)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  if (draft_id)
    {
      g_free (self->draft_id);
      self->draft_id = g_strdup (draft_id);
    }
  set_modified (self, TRUE);
}

const char *
fw_window_get_draft_id (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->draft_id;
}

void
fw_window_flush_draft (FwWindow *self)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  if (self->draft_timeout)
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      write_draft (self);
    }
}

gboolean
fw_window_select_idea (FwWindow *self,
                       guint     position)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);

  if (position >= fw_workbook_get_n_ideas (self->workbook))
    return FALSE;
  clear_search (self);
  select_idea_object (self, fw_workbook_get_idea (self->workbook, position));
  return TRUE;
}

FwIdea *
fw_window_get_selected_idea (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->shown_idea;
}

void
fw_window_search (FwWindow   *self,
                  const char *query)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  search_changed_cb (self);
}

guint
fw_window_get_n_listed_ideas (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

const char *
fw_window_get_verdict_text (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->verdict_label);
}

GtkWidget *
fw_window_get_flywheel_view (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->flywheel_view);
}

FwIdeaEditor *
fw_window_get_editor (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->editor;
}

gboolean
fw_window_save_to (FwWindow *self,
                   GFile    *file)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  return save_to (self, file);
}

void
fw_window_show_error (FwWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (FW_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
