from rest_framework import serializers

from .models import Product, StockMovement


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "sku", "name", "unit_price"]


class AdjustmentSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=32)
    delta = serializers.IntegerField(min_value=-10_000, max_value=10_000)
    reason = serializers.CharField(max_length=200, allow_blank=True, required=False)


class MovementSerializer(serializers.ModelSerializer):
    class Meta:
        model = StockMovement
        fields = ["id", "delta", "reason", "created_at"]
