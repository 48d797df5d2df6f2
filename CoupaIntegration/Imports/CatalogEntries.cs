namespace CoupaIntegration.Imports;

/// <summary>
/// The import catalog. Scopes follow Rossum's CIB table (coupa.md §1); the ones marked INFERRED are not in it.
/// Fields are JSON exactly as Coupa's <c>fields</c> parameter takes them. Dataset names match Rossum's CIB ones
/// without the environment suffix.
/// </summary>
internal static class CatalogEntries
{
    private const string Docs = "https://compass.coupa.com/en-us/products/product-documentation/integration-technical-documentation/the-coupa-core-api/resources/";
    private const string UpdatedSince = "updated-at[gt_or_eq]";
    private static readonly string[] Id = ["id"];

    private const string CustomFields = """{"custom_fields":{}}""";
    private const string Country = """{"country":["id","code","name"]}""";
    private const string Address = $$"""{"primary_address":["id","name","location_code","street1","street2","street3","street4","city","state","postal_code","attention","active","vat_number","local_tax_number","type",{{Country}}]}""";
    private const string Contact = """{"primary_contact":["id","email","name_given","name_family","name_fullname","active"]}""";
    private const string Segments = "\"segment_1\",\"segment_2\",\"segment_3\",\"segment_4\",\"segment_5\",\"segment_6\",\"segment_7\",\"segment_8\",\"segment_9\",\"segment_10\"";
    private const string Account = $$"""{"account":["id","name","code","active","account_type_id",{{Segments}}]}""";
    private const string RemitTo = $$"""{"remit_to_addresses":["id","created_at","updated_at","remit_to_code","name","street1","street2","city","state","postal_code","active","vat_number","local_tax_number","external_src_ref",{{Country}}]}""";
    private const string OrderLineFields = $$"""["id","created_at","updated_at","line_num","sub_line_num","type","description","price","quantity","total","accounting_total","invoiced","received","status","order_header_id","order_header_number","source_part_num","supplier_order_number","match_type","version",{"uom":["id","code","name","allowable_precision"]},{{Account}},{"currency":["id","code"]},{{CustomFields}}]""";

    public static IReadOnlyList<ImportCatalogEntry> All { get; } =
    [
        new("suppliers", "api/suppliers", "core.supplier.read",
            $$"""["id","created_at","updated_at","name","display_name","number","status","po_email","account_number","tax_id","duns","invoice_matching_level","on_hold",{"payment_term":["id","code","days_for_net_payment"]},{{Contact}},{{Address}},{{RemitTo}},{"account_types":["id","name","legal_entity_name"]},{{CustomFields}}]""",
            Id, ImportMethod.Update, "suppliers", UpdatedSince, Docs + "reference-data-resources/suppliers-api-(suppliers)"),
        // A supplier's updated-at does not move when only its remit-to addresses change, so they have their own job.
        new("supplier_remit_to_addresses", "api/suppliers", "core.supplier.read",
            $$"""["id","created_at","updated_at","number","name","display_name","status",{{RemitTo}}]""",
            Id, ImportMethod.Update, "suppliers_remit_to_addresses", "remit-to-addresses[updated-at][gt_or_eq]", Docs + "reference-data-resources/remit-to-addresses-(suppliersaddresses)"),
        // INFERRED scope: supplier information is part of supplier management.
        new("supplier_information", "api/supplier_information", "core.supplier.read",
            """["id","created_at","updated_at","name","display_name","status","tax_id","supplier_id",{"custom_fields":{}}]""",
            Id, ImportMethod.Update, "supplier_information", UpdatedSince, Docs + "reference-data-resources/supplier-information-api-(supplier_information)"),
        new("purchase_orders", "api/purchase_orders", "core.purchase_order.read",
            $$"""["id","created_at","updated_at","po_number","status","version","type","payment_method","ship_to_attention","exported",{"currency":["id","code","decimals"]},{"supplier":["id","name","display_name","number"]},{"ship_to_address":["id","name","location_code","street1","city","postal_code",{{Country}}]},{"payment_term":["id","code"]},{"requisition_header":["id",{"requested_by":["email"]}]},{"order_lines":{{OrderLineFields}}},{{CustomFields}}]""",
            Id, ImportMethod.Update, "purchase_orders", UpdatedSince, Docs + "transactional-resources/purchase-orders-api-(purchase_orders)"),
        new("purchase_order_lines", "api/purchase_order_lines", "core.purchase_order.read",
            OrderLineFields, Id, ImportMethod.Update, "purchase_order_lines", UpdatedSince, Docs + "transactional-resources/purchase-order-lines-api"),
        new("accounts", "api/accounts", "core.accounting.read",
            $$"""["id","created_at","updated_at","name","code","active","account_type_id",{{Segments}},{"account_type":["id","name"]}]""",
            Id, ImportMethod.Update, "accounts", UpdatedSince, Docs + "reference-data-resources/accounts-api-(accounts)"),
        new("account_types", "api/account_types", "core.accounting.read",
            $$"""["id","created_at","updated_at","name","active","legal_entity_name","dynamic_flag",{"currency":["id","code","decimals"]},{{Contact}},{{Address}},{{CustomFields}}]""",
            Id, ImportMethod.Update, "account_types", UpdatedSince, Docs + "reference-data-resources/account-types-api-(account_types)"),
        new("tax_codes", "api/tax_codes", "core.common.read",
            $$"""["id","created_at","updated_at","code","description","percentage","active","effective_date",{{Country}},{"tax_rate":["id","percentage","exempt","active","reverse_charge"]}]""",
            Id, ImportMethod.Update, "tax_codes", UpdatedSince, Docs + "reference-data-resources/tax-registrations-api/tax-code-api"),
        new("tax_registrations", "api/tax_registrations", "core.invoice.read",
            $$"""["id","created_at","updated_at","number","owner_id","owner_type","active","local",{{Country}}]""",
            Id, ImportMethod.Update, "tax_registrations", UpdatedSince, Docs + "reference-data-resources/tax-registrations-api"),
        new("payment_terms", "api/payment_terms", "core.common.read",
            """["id","created_at","updated_at","code","description","active","type","days_for_net_payment","days_for_discount_payment","discount_rate"]""",
            Id, ImportMethod.Update, "payment_terms", UpdatedSince, Docs + "reference-data-resources/payment-terms-api"),
        new("units_of_measure", "api/uoms", "core.common.read",
            """["id","created_at","updated_at","code","name","allowable_precision","active"]""",
            Id, ImportMethod.Update, "uoms", UpdatedSince, Docs + "shared-resources/unit-of-measure-api"),
        new("lookup_values", "api/lookup_values", "core.common.read",
            """["id","created_at","updated_at","name","description","external_ref_num","external_ref_code","active","is_default","depth","lookup_id","parent_id",{"lookup":["id","name","active"]},{"parent":["id","name","active",{"parent":["id","name","active"]}]},{"account_type":["id","name"]},{"custom_fields":{}}]""",
            Id, ImportMethod.Update, "lookup_values", UpdatedSince, Docs + "reference-data-resources/lookup-values-api"),
        // A short list whose deactivations matter more than its size: refreshed whole.
        new("currencies", "api/currencies", "core.common.read",
            """["id","created_at","updated_at","code","name","symbol","decimals","enabled_flag"]""",
            Id, ImportMethod.Replace, "currencies", null, Docs + "reference-data-resources/currencies-api"),
        new("addresses", "api/addresses", "core.common.read",
            $$"""["id","created_at","updated_at","name","location_code","street1","street2","street3","street4","city","state","postal_code","attention","active","business_group_name","vat_number","local_tax_number","type",{{Country}},{"vat_country":["id","code","name"]}]""",
            Id, ImportMethod.Update, "addresses", UpdatedSince, Docs + "reference-data-resources/address-api"),
        new("contracts", "api/contracts", "core.contract.read",
            $$"""["id","created_at","updated_at","name","number","status","type","start_date","end_date","max_commit","version",{"supplier":["id","name","display_name","number"]},{"currency":["id","code"]},{"payment_term":["id","code"]},{"default_account":["id","name","code","account_type_id",{"account_type":["id","name"]}]},{{CustomFields}}]""",
            Id, ImportMethod.Update, "contracts", UpdatedSince, Docs + "transactional-resources/contracts-api"),
        new("invoices", "api/invoices", "core.invoice.read",
            """["id","created_at","updated_at","invoice_number","invoice_date","status","document_type","gross_total","total_with_taxes",{"supplier":["id","name","number"]},{"currency":["id","code"]}]""",
            Id, ImportMethod.Update, "invoices", UpdatedSince, Docs + "transactional-resources/invoices-api-(invoices)-da-5926-da-5926"),
        // INFERRED scope: Coupa's scope list names legal entities separately.
        new("legal_entities", "api/legal_entities", "core.legal_entity.read",
            $$"""["id","created_at","updated_at","name","display_name","active",{{Country}},{"currency":["id","code"]}]""",
            Id, ImportMethod.Update, "legal_entities", UpdatedSince, Docs + "reference-data-resources/legal-entities-api"),
        // INFERRED scope: exchange rates are common reference data.
        new("exchange_rates", "api/exchange_rates", "core.common.read",
            """["id","created_at","updated_at","rate","rate_date",{"from_currency":["id","code"]},{"to_currency":["id","code"]}]""",
            Id, ImportMethod.Update, "exchange_rates", UpdatedSince, Docs + "reference-data-resources/exchange-rates-api"),
    ];
}
