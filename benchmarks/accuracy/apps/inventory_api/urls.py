from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("products", views.ProductViewSet)

urlpatterns = [
    path("", include(router.urls)),
    path("tables/count/", views.TableCountView.as_view()),
    path("tables/size/", views.TableSizeView.as_view()),
    path("labels/print/", views.PrintLabelView.as_view()),
    path("labels/reprint/", views.ReprintLabelView.as_view()),
    path("barcodes/", views.BarcodeView.as_view()),
    path("qrcodes/", views.QrCodeView.as_view()),
    path("suppliers/sync/", views.SupplierSyncView.as_view()),
    path("suppliers/refresh/", views.SupplierRefreshView.as_view()),
    path("products/image/", views.ProductImageView.as_view()),
    path("products/thumbnail/", views.ProductThumbnailView.as_view()),
    path("snapshots/import/", views.SnapshotImportView.as_view()),
    path("snapshots/check/", views.SnapshotCheckView.as_view()),
    path("locations/import/", views.LocationsImportView.as_view()),
    path("zones/import/", views.ZonesImportView.as_view()),
    path("invoices/import/", views.InvoiceImportView.as_view()),
    path("credit-notes/import/", views.CreditNoteImportView.as_view()),
    path("staff/lookup/", views.StaffLookupView.as_view()),
    path("staff/search/", views.StaffSearchView.as_view()),
    path("stock/adjust/", views.AdjustStockView.as_view()),
    path("stock/correct/", views.CorrectStockView.as_view()),
    path("pricing/preview/", views.PricingPreviewView.as_view()),
    path("pricing/apply/", views.PricingApplyView.as_view()),
]
