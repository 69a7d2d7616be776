<#-- Quaver's grammar productions (DDL and commands). -->
