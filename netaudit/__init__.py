"""netaudit: exact network segmentation auditing from device configurations."""

__version__ = "0.1.0"
