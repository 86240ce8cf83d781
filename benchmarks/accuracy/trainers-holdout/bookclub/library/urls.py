from django.urls import path
from rest_framework.routers import DefaultRouter

from . import api, views

router = DefaultRouter()
router.register("api/promotions", api.PromotionViewSet, basename="promotion")
router.register("api/newsletter", api.NewsletterViewSet, basename="newsletter")

urlpatterns = [
    path("", views.home, name="home"),
    path("members/", views.members_by_city, name="members"),
    path("members/chapter/<str:chapter>/", views.members_by_chapter, name="chapter"),
    path("loans/", views.LoanReportView.as_view(), name="loans"),
    path("loans/overdue/", views.OverdueView.as_view(), name="overdue"),
    path("reviews/preview/", views.review_preview, name="review-preview"),
    path("comments/preview/", views.comment_preview, name="comment-preview"),
    path("search/", views.quick_search, name="catalog"),
    path("api/search/", views.search_suggestions, name="search-suggestions"),
    path("shelves/<slug:slug>/", views.ShelfView.as_view(), name="shelf"),
    path("shelves/<slug:slug>/print/", views.ShelfPrintView.as_view(), name="shelf-print"),
    path("ebooks/", views.ebook_download, name="ebooks"),
    path("samples/", views.ebook_sample, name="samples"),
    path("signup/", views.signup, name="signup"),
    path("members/<int:member_id>/password/", views.reset_password, name="reset-password"),
    path("login/", views.login_view, name="login"),
    path("partners/login/", views.partner_login, name="partner-login"),
    path("logout/", views.logout_view, name="logout"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("language/", views.LanguageView.as_view(), name="language"),
    path("region/", views.RegionView.as_view(), name="region"),
    path("preview-role/", views.preview_as_role, name="preview-role"),
    path("theme/", views.choose_theme, name="theme"),
    path("remember/", views.RememberMemberView.as_view(), name="remember"),
    path("switch/", views.SwitchMemberView.as_view(), name="switch"),
    path("remember-me/", views.remember_me, name="remember-me"),
    path("remember-device/", views.remember_device, name="remember-device"),
    path("catalog/filter/", views.catalog_filter, name="catalog-filter"),
    path("catalog/contains/", views.catalog_contains, name="catalog-contains"),
    path("profile/<int:member_id>/", views.home, name="profile"),
    path("api/covers/<int:book_id>/resize/", api.CoverResizeView.as_view()),
    path("api/covers/<int:book_id>/thumbnail/", api.CoverThumbnailView.as_view()),
    path("api/covers/<int:book_id>/import/", api.CoverImportView.as_view()),
    path("api/covers/<int:book_id>/lookup/", api.CoverLookupView.as_view()),
    path("api/reading-list/import/", api.ReadingListImportView.as_view()),
    path("api/reading-list/restore/", api.ReadingListRestoreView.as_view()),
    path("api/directory/", api.DirectoryView.as_view()),
    path("api/directory/mail/", api.DirectoryMailView.as_view()),
] + router.urls
