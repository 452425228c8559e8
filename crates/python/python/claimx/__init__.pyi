from ._claimx import (
    DocumentError as DocumentError,
    ModelError as ModelError,
    Pipeline as Pipeline,
    __version__ as __version__,
    arrow_schema as arrow_schema,
    consolidate as consolidate,
    eval as eval,
)
