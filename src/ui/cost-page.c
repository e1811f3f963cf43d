/* cost-page.c
 *
 * What the pages of a document have in common: the document they show, the
 * signals they follow on it, and when they bring their figures up to date.
 *
 * A page connects to its document through the page's signal group, so that
 * the handlers move with the document and none is disconnected by hand. A
 * page that is not on screen does not redraw its tables and charts on each
 * edit: it only remembers that they are stale, and catches up when it is
 * shown again. A page whose figures must hold whether it shows or not
 * (the summary's, which the window opens on) says so in its class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-page"

#include "config.h"

#include "cost-export.h"
#include "cost-page.h"

typedef struct
{
  CostDocument *document;
  GSignalGroup *signals;   /* on the document */
  gboolean      stale;     /* the figures changed while the page was hidden */
} CostPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CostPage, cost_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_result_notify_cb (CostDocument *document,
                     GParamSpec   *pspec,
                     CostPage     *self)
{
  cost_page_queue_refresh (self);
}

static void
cost_page_map (GtkWidget *widget)
{
  CostPage *self = COST_PAGE (widget);
  CostPagePrivate *priv = cost_page_get_instance_private (self);

  GTK_WIDGET_CLASS (cost_page_parent_class)->map (widget);

  if (priv->stale)
    cost_page_queue_refresh (self);
}

static void
cost_page_dispose (GObject *object)
{
  CostPage *self = COST_PAGE (object);
  CostPagePrivate *priv = cost_page_get_instance_private (self);

  if (priv->signals != NULL)
    g_signal_group_set_target (priv->signals, NULL);
  g_clear_object (&priv->signals);
  g_clear_object (&priv->document);

  G_OBJECT_CLASS (cost_page_parent_class)->dispose (object);
}

static void
cost_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CostPage *self = COST_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, cost_page_get_document (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CostPage *self = COST_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cost_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_page_class_init (CostPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_page_dispose;
  object_class->get_property = cost_page_get_property;
  object_class->set_property = cost_page_set_property;

  widget_class->map = cost_page_map;

  /**
   * CostPage:document: (nullable)
   *
   * The document whose figures the page shows.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COST_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cost_page_init (CostPage *self)
{
  CostPagePrivate *priv = cost_page_get_instance_private (self);

  /* Connected first, so that the subclasses' handlers of the same signals
   * run after the page knows its figures are stale. */
  priv->signals = g_signal_group_new (COST_TYPE_DOCUMENT);
  g_signal_group_connect (priv->signals, "notify::result", G_CALLBACK (on_result_notify_cb), self);
}

/**
 * cost_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CostDocument *
cost_page_get_document (CostPage *self)
{
  CostPagePrivate *priv = cost_page_get_instance_private (self);

  g_return_val_if_fail (COST_IS_PAGE (self), NULL);

  return priv->document;
}

/**
 * cost_page_set_document:
 * @document: (nullable): the document to show
 *
 * Moves the handlers of the page's signal group to @document, lets the
 * page forget the previous one (#CostPageClass.document_changed) and
 * refreshes it, now if it is on screen, else when it is shown.
 */
void
cost_page_set_document (CostPage     *self,
                        CostDocument *document)
{
  CostPagePrivate *priv = cost_page_get_instance_private (self);
  CostPageClass *klass;

  g_return_if_fail (COST_IS_PAGE (self));
  g_return_if_fail (!document || COST_IS_DOCUMENT (document));

  if (!g_set_object (&priv->document, document))
    return;

  g_signal_group_set_target (priv->signals, document);

  klass = COST_PAGE_GET_CLASS (self);
  if (klass->document_changed != NULL)
    klass->document_changed (self);

  cost_page_queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cost_page_get_signal_group:
 *
 * The pages connect to their document through this group: its handlers
 * follow the document from one to the next, and go with the page.
 *
 * Returns: (transfer none): the signal group on the document shown
 */
GSignalGroup *
cost_page_get_signal_group (CostPage *self)
{
  CostPagePrivate *priv = cost_page_get_instance_private (self);

  g_return_val_if_fail (COST_IS_PAGE (self), NULL);

  return priv->signals;
}

/**
 * cost_page_queue_refresh:
 *
 * Refreshes the page now if it is on screen (or if its class refreshes
 * hidden pages too); else marks it stale, and it refreshes when it is
 * shown again.
 */
void
cost_page_queue_refresh (CostPage *self)
{
  CostPagePrivate *priv = cost_page_get_instance_private (self);
  CostPageClass *klass;

  g_return_if_fail (COST_IS_PAGE (self));

  klass = COST_PAGE_GET_CLASS (self);
  priv->stale = !klass->refresh_hidden && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (priv->stale)
    return;

  if (klass->refresh != NULL)
    klass->refresh (self);
}

/**
 * cost_page_get_stale:
 *
 * Returns: whether the figures changed while the page was hidden, and it
 *   has not caught up yet
 */
gboolean
cost_page_get_stale (CostPage *self)
{
  CostPagePrivate *priv = cost_page_get_instance_private (self);

  g_return_val_if_fail (COST_IS_PAGE (self), FALSE);

  return priv->stale;
}

/**
 * cost_page_dup_caption:
 * @all_scenarios: the chart shows every scenario, not the one shown
 *
 * Returns: (transfer full) (nullable): the caption of the page's charts
 *   when they are copied or exported: the scenario shown and the project,
 *   or %NULL without a document
 */
char *
cost_page_dup_caption (CostPage *self,
                       gboolean  all_scenarios)
{
  CostPagePrivate *priv = cost_page_get_instance_private (self);

  g_return_val_if_fail (COST_IS_PAGE (self), NULL);

  if (priv->document == NULL)
    return NULL;

  return cost_export_dup_caption (cost_document_get_project (priv->document),
                                  cost_document_get_scenario (priv->document), all_scenarios);
}
