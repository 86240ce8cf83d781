"""REST endpoints of the inventory service."""
from __future__ import annotations

import json
import logging
import shlex
from urllib.parse import urlparse

import jsonpickle
import yaml
from ldap3.utils.conv import escape_filter_chars
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import conf, labels, staff, suppliers, warehouse
from .models import FORMULAS, Product, StockMovement, compile_formula
from .serializers import AdjustmentSerializer, ProductSerializer

log = logging.getLogger("inventory")


class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["post"])
    def levels(self, request):
        skus = request.data.get("skus", [])
        rows = warehouse.fetch(
            "SELECT sku, sum(qty) FROM stock WHERE sku IN ('%s') GROUP BY sku" % "','".join(skus)
        )
        return Response(dict(rows))

    @action(detail=False, methods=["post"])
    def reserved(self, request):
        skus = [str(s) for s in request.data.get("skus", [])]
        rows = warehouse.fetch(
            "SELECT sku, sum(reserved) FROM stock WHERE sku = ANY(%s) GROUP BY sku", [skus]
        )
        return Response(dict(rows))


class TableCountView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        table = request.query_params.get("table", "stock")
        return Response({"table": table, "rows": warehouse.count_rows(table)})


class TableSizeView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        table = request.query_params.get("table", "stock")
        return Response({"table": table, "rows": warehouse.count_rows_checked(table)})


class PrintLabelView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        printer = request.data.get("printer", "zebra-dock-1")
        sku = request.data.get("sku", "")
        return Response({"status": labels.print_label(printer, sku)})


class ReprintLabelView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        printer = request.data.get("printer", "zebra-dock-1")
        if printer not in conf.LABEL_PRINTERS:
            raise ValidationError({"printer": "unknown printer"})
        product = Product.objects.get(pk=int(request.data.get("product_id", 0)))
        return Response({"status": labels.print_label(printer, product.pk)})


class BarcodeView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        data = request.data.get("data", "")
        png = labels.render_barcode(f'bash -c "zint --barcode=20 -o /dev/stdout -d {shlex.quote(data)}"')
        return Response({"size": len(png)})


class QrCodeView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        data = request.data.get("data", "")
        png = labels.render_barcode(f"zint --barcode=58 -o /dev/stdout -d {shlex.quote(data)}")
        return Response({"size": len(png)})


class SupplierSyncView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        api_base = request.data.get("api_base", "")
        items = suppliers.fetch_catalog(api_base.rstrip("/"))
        return Response({"items": len(items)})


class SupplierRefreshView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        name = request.data.get("supplier", "")
        try:
            api_base = conf.SUPPLIER_APIS[name]
        except KeyError:
            raise ValidationError({"supplier": "unknown supplier"}) from None
        items = suppliers.fetch_catalog(api_base)
        return Response({"items": len(items)})


class ProductImageView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        url = request.data.get("image_url", "")
        if urlparse(url).scheme not in ("http", "https"):
            raise ValidationError({"image_url": "must be a web address"})
        return Response({"bytes": len(suppliers.fetch_image(url))})


class ProductThumbnailView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        url = request.data.get("image_url", "")
        parsed = urlparse(url)
        if parsed.scheme != "https" or parsed.hostname not in conf.IMAGE_HOSTS:
            raise ValidationError({"image_url": "images must come from a supplier CDN"})
        return Response({"bytes": len(suppliers.fetch_image(url))})


class SnapshotImportView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        snapshot = jsonpickle.decode(request.body.decode("utf-8"))
        return Response({"bins": len(snapshot.get("bins", []))})


class SnapshotCheckView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        snapshot = json.loads(request.body.decode("utf-8"))
        return Response({"bins": len(snapshot.get("bins", []))})


class LocationsImportView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        upload = request.FILES["locations"]
        doc = yaml.load(upload.read(), Loader=yaml.UnsafeLoader)
        return Response({"locations": len(doc or [])})


class ZonesImportView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        upload = request.FILES["zones"]
        doc = yaml.load(upload.read(), Loader=yaml.SafeLoader)
        return Response({"zones": len(doc or [])})


class InvoiceImportView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        lines = suppliers.invoice_lines(request.FILES["invoice"])
        return Response({"lines": lines})


class CreditNoteImportView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        lines = suppliers.credit_note_lines(request.FILES["credit_note"])
        return Response({"lines": lines})


class StaffLookupView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        uid = request.query_params.get("uid", "")
        return Response(staff.find(f"(&(objectClass=person)(uid={uid}))"))


class StaffSearchView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        mail = request.query_params.get("mail", "")
        return Response(staff.find(f"(&(objectClass=person)(mail={escape_filter_chars(mail)}))"))


class AdjustStockView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        product = Product.objects.get(sku=request.data.get("sku", ""))
        delta = int(request.data.get("delta", 0))
        reason = request.data.get("reason", "")
        StockMovement.objects.create(product=product, delta=delta, reason=reason[:200])
        log.info("stock of %s changed by %d: %s", product.sku, delta, reason)
        return Response({"ok": True}, status=status.HTTP_201_CREATED)


class CorrectStockView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        serializer = AdjustmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        product = Product.objects.get(sku=data["sku"])
        StockMovement.objects.create(product=product, delta=data["delta"], reason=data.get("reason", ""))
        log.info("stock of %s corrected by %d: %s", product.sku, data["delta"], json.dumps(data.get("reason", "")))
        return Response({"ok": True}, status=status.HTTP_201_CREATED)


class PricingPreviewView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        formula = compile_formula(request.data.get("formula", "item['cost']"))
        return Response({"price": str(formula({"cost": 10}))})


class PricingApplyView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        expr = FORMULAS.get(request.data.get("formula", "standard"), FORMULAS["standard"])
        formula = compile_formula(expr)
        return Response({"price": str(formula({"cost": 10}))})
